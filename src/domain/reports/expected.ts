import type { AgencyId } from '../conference/agencies.js';
import type { ReportKind } from './headings.js';

export interface ExpectedChild {
  childId: string;
  name: string;
  role: 'subject' | 'household';
  childType: 'initial' | 'review' | null;
}

export interface ExpectedInvitee {
  invitationId: string;
  name: string;
  role: string;
  organisationName: string | null;
  inviteeKind: string;
  state: string;
  userId: string | null;
  /** The agency the invitee stands for; children's social care writes the social work report instead. */
  agency: AgencyId | null;
  response: string | null;
}

export interface ExpectedReport {
  key: string;
  kind: ReportKind;
  childId: string | null;
  invitationId: string | null;
  who: string;
  conferenceType: 'initial' | 'review';
  /** RV3: the core group's minutes stand as the single report of its members; already on the plan. */
  collective?: boolean;
}

/** RV3: the latest core group before a review, where its minutes were marked as the group's single report. */
export interface CollectiveCoreGroupReport {
  heldOn: string;
  memberNames: readonly string[];
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The reports a conference should have: one social work report per subject child (RP1, 000 § 6)
 * and a written report from each invited agency (RP2), whether or not they attend (001: a
 * practitioner who cannot attend still sends one). Removed or merely suggested invitees are not expected.
 */
export function expectedReports(input: {
  conferenceIsInitial: boolean;
  children: readonly ExpectedChild[];
  invitees: readonly ExpectedInvitee[];
  collectiveCoreGroup?: CollectiveCoreGroupReport | null;
}): ExpectedReport[] {
  // RV3: at a review, each core group member reports, unless the core group chose one collective report.
  const collective = input.conferenceIsInitial ? null : (input.collectiveCoreGroup ?? null);
  const expected: ExpectedReport[] = [];
  for (const child of input.children) {
    if (child.role !== 'subject') continue;
    expected.push({
      key: `social-work:${child.childId}`,
      kind: 'social-work',
      childId: child.childId,
      invitationId: null,
      who: `Social work report for ${child.name}`,
      conferenceType: child.childType ?? (input.conferenceIsInitial ? 'initial' : 'review'),
    });
  }
  for (const invitee of input.invitees) {
    if (invitee.inviteeKind !== 'professional' || invitee.agency === 'childrens-social-care') continue;
    if (invitee.state !== 'sent' && invitee.state !== 'confirmed') continue;
    if (collective && collective.memberNames.some((m) => sameName(m, invitee.name))) continue;
    expected.push({
      key: `agency:${invitee.invitationId}`,
      kind: 'agency',
      childId: null,
      invitationId: invitee.invitationId,
      who: `${invitee.name}, ${invitee.role}${invitee.organisationName ? ` (${invitee.organisationName})` : ''}`,
      conferenceType: input.conferenceIsInitial ? 'initial' : 'review',
    });
  }
  if (collective) {
    expected.push({
      key: 'core-group', kind: 'agency', childId: null, invitationId: null, conferenceType: 'review', collective: true,
      who: `The core group’s single report: its minutes of ${collective.heldOn}, for ${collective.memberNames.join(', ')}`,
    });
  }
  return expected;
}

export interface WrittenReport {
  id: string;
  kind: ReportKind;
  childId: string | null;
  invitationId: string | null;
  authorId: string;
}

/** The written report answering an expectation: the child's social work report, or the invitee's own. */
export function reportFor(expected: ExpectedReport, written: readonly WrittenReport[], invitees: readonly ExpectedInvitee[]): WrittenReport | null {
  if (expected.collective) return null;
  if (expected.kind === 'social-work') return written.find((r) => r.kind === 'social-work' && r.childId === expected.childId) ?? null;
  const invitee = invitees.find((i) => i.invitationId === expected.invitationId);
  return (
    written.find((r) => r.kind === 'agency' && (r.invitationId === expected.invitationId || (invitee?.userId != null && r.authorId === invitee.userId))) ?? null
  );
}
