import { AGENCY_LABELS, type AgencyId, type AttendanceStatus, type AttendeeKind } from './agencies.js';
import type { MeetingPart } from './meeting-parts.js';
import type { MeetingRules } from './meeting-rules.js';

export interface QuorumAttendee {
  id: string;
  name: string;
  kind: AttendeeKind;
  agency: AgencyId | null;
  status: AttendanceStatus;
  partsAttended: readonly MeetingPart[];
  excludedParts: readonly MeetingPart[];
  /** The subject children this person's agency has direct contact with (CF1). */
  directContactChildIds: readonly string[];
}

export interface QuorumChild {
  childId: string;
  /** Whether this conference is the child's initial or a review (CV1): CF2 applies to initials. */
  childType: 'initial' | 'review';
}

export interface AgencyStanding {
  agency: AgencyId;
  label: string;
  counts: boolean;
  names: string[];
  why: string;
}

export interface ChildQuorum {
  childId: string;
  quorate: boolean;
  socialCarePresent: boolean;
  /** Agencies other than social care that count for this child. */
  countingAgencies: number;
  agencies: AgencyStanding[];
  /** What is missing, in words the chair can act on; empty when quorate. */
  shortfall: string[];
}

/** Present for the decision: marked present, and in the views-and-decision part. */
export function presentForDecision(a: QuorumAttendee): boolean {
  return a.status === 'present' && a.partsAttended.includes('decision') && !a.excludedParts.includes('decision');
}

function standingOf(a: QuorumAttendee, childId: string): { counts: boolean; why: string } {
  if (a.status === 'apologies') return { counts: false, why: 'sent apologies (a written report does not count towards the quorum)' };
  if (a.status === 'absent' || a.status === 'expected') return { counts: false, why: 'not recorded as present' };
  if (!presentForDecision(a)) return { counts: false, why: 'not present for the views and decision' };
  if (a.agency === 'childrens-social-care') return { counts: true, why: 'present for the decision' };
  if (!a.directContactChildIds.includes(childId)) return { counts: false, why: 'present, but direct contact with this child is not recorded' };
  return { counts: true, why: 'present for the decision, with direct contact with this child' };
}

/**
 * CF1 and CF2 for one subject child: children's social care present plus enough other agencies,
 * present for the decision, that have had direct contact with the child; where the pack requires
 * it (Hertfordshire), named agencies present at an initial conference. Explains every agency.
 */
export function quorumForChild(child: QuorumChild, attendees: readonly QuorumAttendee[], rules: MeetingRules['quorum']): ChildQuorum {
  const byAgency = new Map<AgencyId, { counts: boolean; names: string[]; whys: string[] }>();
  for (const a of attendees) {
    if (a.kind !== 'professional' || a.agency === null) continue;
    const s = standingOf(a, child.childId);
    const entry = byAgency.get(a.agency) ?? { counts: false, names: [], whys: [] };
    entry.counts ||= s.counts;
    entry.names.push(a.name);
    entry.whys.push(`${a.name}: ${s.why}`);
    byAgency.set(a.agency, entry);
  }
  const agencies: AgencyStanding[] = [...byAgency].map(([agency, e]) => ({
    agency,
    label: AGENCY_LABELS[agency],
    counts: e.counts,
    names: e.names,
    why: e.whys.join('; '),
  }));
  const socialCarePresent = byAgency.get('childrens-social-care')?.counts ?? false;
  const countingAgencies = agencies.filter((a) => a.counts && a.agency !== 'childrens-social-care').length;

  const shortfall: string[] = [];
  if (!socialCarePresent) shortfall.push("Children's social care must be present for the decision.");
  const missing = rules.otherAgenciesWithDirectContact - countingAgencies;
  if (missing > 0) {
    shortfall.push(
      `${missing} more ${missing === 1 ? 'agency' : 'agencies'} with direct contact with this child must be present ` +
        `(${countingAgencies} of ${rules.otherAgenciesWithDirectContact} besides children's social care).`,
    );
  }
  if (child.childType === 'initial') {
    for (const required of rules.requiredAtInitial) {
      if (required === 'childrens-social-care') continue; // already checked above
      const present = attendees.some((a) => a.kind === 'professional' && a.agency === required && presentForDecision(a));
      if (!present) shortfall.push(`${AGENCY_LABELS[required]} must be present at an initial conference in this area.`);
    }
  }
  return { childId: child.childId, quorate: shortfall.length === 0, socialCarePresent, countingAgencies, agencies, shortfall };
}
