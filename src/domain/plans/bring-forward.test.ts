import { describe, expect, it } from 'vitest';
import { bringForwardPrompts, type BringForwardEvent } from './bring-forward.js';

const s47: BringForwardEvent = { trigger: 'new-section-47', on: '2026-05-04', detail: 'Section 47 enquiry began' };
const baby: BringForwardEvent = { trigger: 'baby-due', on: '2026-06-01', detail: 'Unborn baby joined the household' };
const before: BringForwardEvent = { trigger: 'new-section-47', on: '2026-02-01', detail: 'Before the plan' };
const base = { planStart: '2026-03-02', events: [baby, s47, before], recorded: [], reviewsHeld: [] };

describe('RV2: reasons to bring the review forward, noticed from the records', () => {
  it('prompts for each event after the plan started, earliest first', () => {
    expect(bringForwardPrompts(base)).toEqual([s47, baby]);
  });
  it.each([
    [{ recorded: [{ trigger: 'new-section-47', occurredOn: '2026-05-04' }] }, [baby]],
    [{ recorded: [{ trigger: 'new-section-47', occurredOn: '2026-05-01' }] }, [s47, baby]], // a reason recorded before the event does not answer it
    [{ recorded: [{ trigger: 'baby-due', occurredOn: '2026-06-02' }] }, [s47]],
    [{ reviewsHeld: ['2026-05-20'] }, [baby]],
    [{ reviewsHeld: ['2026-06-10'] }, []],
  ])('%o answers: %o left', (extra, left) => {
    expect(bringForwardPrompts({ ...base, ...extra })).toEqual(left);
  });
});
