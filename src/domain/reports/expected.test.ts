import { describe, expect, it } from 'vitest';
import { expectedReports, type ExpectedInvitee } from './expected.js';

const invitee = (name: string, agency: ExpectedInvitee['agency'], over: Partial<ExpectedInvitee> = {}): ExpectedInvitee => ({
  invitationId: `inv-${name}`, name, role: 'Practitioner', organisationName: null, inviteeKind: 'professional', state: 'sent', userId: null, agency, response: null, ...over,
});
const children = [{ childId: 'c1', name: 'Alpha Testington', role: 'subject' as const, childType: 'review' as const }];
const invitees = [invitee('Hana Exampleton', 'health-visiting'), invitee('Pat Placeholder', 'education'), invitee('PC Petra Placeholder', 'police'), invitee('Sam Sampleford', 'childrens-social-care')];

describe('reports expected at a review (RV3)', () => {
  it('expects a report from each invited agency, core group members included, when the core group gave no collective report', () => {
    const keys = expectedReports({ conferenceIsInitial: false, children, invitees }).map((e) => e.key);
    expect(keys).toEqual(['social-work:c1', 'agency:inv-Hana Exampleton', 'agency:inv-Pat Placeholder', 'agency:inv-PC Petra Placeholder']);
  });

  it('takes the core group’s minutes as the single report of its members, and still expects the others', () => {
    const expected = expectedReports({ conferenceIsInitial: false, children, invitees, collectiveCoreGroup: { heldOn: '2026-02-10', memberNames: ['hana exampleton', 'Pat Placeholder ', 'Demi Testington'] } });
    expect(expected.map((e) => e.key)).toEqual(['social-work:c1', 'agency:inv-PC Petra Placeholder', 'core-group']);
    expect(expected.at(-1)).toMatchObject({ collective: true, conferenceType: 'review' });
    expect(expected.at(-1)!.who).toContain('minutes of 2026-02-10');
  });

  it('ignores a collective report at an initial conference, where there is no core group yet', () => {
    const keys = expectedReports({ conferenceIsInitial: true, children, invitees, collectiveCoreGroup: { heldOn: '2026-02-10', memberNames: ['Hana Exampleton'] } }).map((e) => e.key);
    expect(keys).not.toContain('core-group');
    expect(keys).toContain('agency:inv-Hana Exampleton');
  });
});
