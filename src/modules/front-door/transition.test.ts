import { describe, expect, it } from 'vitest';
import { ConflictError } from '../shared/errors.js';
import { alreadyDecided } from './authorise-decision-to-convene.js';
import { transition } from '../shared/conference-transition.js';

describe('conference status changes from the decision to convene', () => {
  it('goes through the transitions table: authorise leads to requested, decline (cancel) to cancelled', () => {
    expect(transition('awaiting-authorisation', 'authorise')).toBe('requested');
    expect(transition('awaiting-authorisation', 'cancel')).toBe('cancelled');
  });
  it('turns a refused transition into a 409 conflict with the table’s message', () => {
    expect(() => transition('held', 'cancel')).toThrow(ConflictError);
    expect(() => transition('held', 'cancel')).toThrow('You cannot cancel it now: The conference has already been held.');
    expect(() => transition('made-up', 'authorise')).toThrow(/unknown status/);
  });
  it('says plainly when the decision was already authorised or declined', () => {
    expect(alreadyDecided('awaiting-authorisation')).toBeNull();
    expect(alreadyDecided('requested')).toMatch(/already been authorised/);
    expect(alreadyDecided('booked')).toMatch(/already been authorised/);
    expect(alreadyDecided('cancelled')).toMatch(/already been declined/);
  });
});
