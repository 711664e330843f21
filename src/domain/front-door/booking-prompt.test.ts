import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { bookingPrompt } from './booking-prompt.js';

const calendar = bundledCalendar('england-and-wales');
const decided = Temporal.PlainDate.from('2026-03-02');

describe('TS29 booking prompt at the decision to convene', () => {
  it('nottinghamshire: the social worker contacts the diary co-ordinator the same day', () => {
    const prompt = bookingPrompt('nottinghamshire', decided, calendar);
    expect(prompt?.dueOn).toBe('2026-03-02');
    expect(prompt?.text).toMatch(/diary co-ordinator/);
    expect(prompt?.source).toMatch(/^003_/);
  });
  it('newcastle: invitation requests the next working day after the date is set, so no date yet', () => {
    const prompt = bookingPrompt('newcastle', decided, calendar);
    expect(prompt?.dueOn).toBeNull();
    expect(prompt?.text).toBe('Counted from the decision on the conference date: 1 working day (invitation requests to the minute-taking service).');
    expect(prompt?.source).toMatch(/^004_/);
  });
  it.each(['national', 'hertfordshire', 'pan-dorset', 'staffordshire'] as const)('%s has no TS29 prompt', (pack) => {
    expect(bookingPrompt(pack, decided, calendar)).toBeNull();
  });
});
