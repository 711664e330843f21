import { describe, expect, it } from 'vitest';
import { workerChangeAnswerProblems, workerChangeRequestProblems, workerChangeStatus } from './worker-change.js';

const facts = { today: '2027-03-10', requestedOn: '2027-03-01', answered: false, currentSocialWorkerId: 'sw-1' };
const answer = { decision: 'declined', reasons: 'The worker has built trust with the child.', familyToldOn: '2027-03-05', newSocialWorkerId: null };

describe('CO4 a family’s request for a change of worker', () => {
  it.each([
    { requestedOn: '2027-03-10', fields: [] },
    { requestedOn: '2027-03-11', fields: ['requestedOn'] },
    { requestedOn: '2026-12-31', fields: ['requestedOn'] },
  ])('a request dated $requestedOn → $fields', ({ requestedOn, fields }) => {
    expect(workerChangeRequestProblems({ requestedOn }, { today: '2027-03-10', caseOpenedOn: '2027-01-01' }).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    { name: 'a declined answer with reasons', change: {}, fields: [] },
    { name: 'no decision', change: { decision: '' }, fields: ['decision'] },
    { name: 'no reasons', change: { reasons: '  ' }, fields: ['reasons'] },
    { name: 'told before asking', change: { familyToldOn: '2027-02-28' }, fields: ['familyToldOn'] },
    { name: 'told in the future', change: { familyToldOn: '2027-03-11' }, fields: ['familyToldOn'] },
    { name: 'agreed without a new worker', change: { decision: 'agreed' }, fields: ['newSocialWorkerId'] },
    { name: 'agreed to the same worker', change: { decision: 'agreed', newSocialWorkerId: 'sw-1' }, fields: ['newSocialWorkerId'] },
    { name: 'agreed to another worker', change: { decision: 'agreed', newSocialWorkerId: 'sw-2' }, fields: [] },
  ])('$name → $fields', ({ change, fields }) => {
    expect(workerChangeAnswerProblems({ ...answer, ...change }, facts).map((p) => p.field)).toEqual(fields);
  });

  it('answers a request only once', () => {
    expect(workerChangeAnswerProblems(answer, { ...facts, answered: true })).toEqual([{ field: 'decision', message: 'This request has already been answered' }]);
  });

  it('a request waits until it is agreed or declined', () => {
    expect(workerChangeStatus({ decision: null }).waiting).toBe(true);
    expect(workerChangeStatus({ decision: 'agreed' })).toEqual({ waiting: false, label: 'Agreed' });
    expect(workerChangeStatus({ decision: 'declined' })).toEqual({ waiting: false, label: 'Declined' });
  });
});
