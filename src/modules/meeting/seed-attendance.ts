import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { exclusionRequests, invitations, organisations, professionals, users } from '../../db/schema/index.js';
import type { AgencyId, AttendeeKind } from '../../domain/conference/agencies.js';
import { MEETING_PARTS } from '../../domain/conference/meeting-parts.js';
import { attendanceFromExclusion } from '../../domain/participation/exclusion.js';
import type { AttendanceInput } from './save-attendance.js';

/** An invitee as the attendance list starts: who they are as the attendance form has it, and where they came from. */
export interface SeededAttendee extends Pick<AttendanceInput, 'kind' | 'name' | 'agency' | 'organisationName' | 'role' | 'status'> {
  invitationId: string | null;
  userId: string | null;
  partsAttended: string[];
  /** EX2: the chair's decision to exclude them from this conference, as decided before it. */
  excludedParts?: string[];
  exclusionRequestId?: string | null;
  recordScope?: string;
  recordWithheldGround?: string | null;
}

const KIND_OF_INVITEE: Record<string, AttendeeKind> = {
  parent: 'parent',
  child: 'child',
  'family-member': 'family-member',
  professional: 'professional',
  observer: 'observer',
};

/**
 * A first guess at the agency from the organisation and the role typed on the invitation; the
 * chair or minute taker corrects it on the attendance form. Roles name disciplines more precisely
 * than organisations do (a health visitor and a GP are both "health").
 */
export function guessAgency(organisationKind: string | null, role: string): AgencyId {
  const r = role.toLowerCase();
  const byRole: [RegExp, AgencyId][] = [
    [/health visitor/, 'health-visiting'],
    [/school nurse/, 'school-nursing'],
    [/midwi/, 'midwifery'],
    [/\bgp\b|general practi/, 'gp'],
    [/paediatric/, 'paediatrics'],
    [/social worker|team manager|children'?s services|social care/, 'childrens-social-care'],
    [/police|detective|constable/, 'police'],
    [/teacher|school|education|safeguarding lead/, 'education'],
    [/children'?s centre|nursery|early years/, 'early-years'],
    [/housing/, 'housing'],
    [/probation/, 'probation'],
    [/mental health|psychiatr/, 'adult-mental-health'],
    [/substance|drug|alcohol/, 'substance-misuse'],
    [/domestic abuse|idva/, 'domestic-abuse'],
    [/solicitor|legal/, 'legal'],
  ];
  for (const [pattern, agency] of byRole) if (pattern.test(r)) return agency;
  const byOrganisation: Record<string, AgencyId> = {
    police: 'police',
    health: 'other-health',
    education: 'education',
    housing: 'housing',
    probation: 'probation',
    voluntary: 'voluntary',
    'local-authority': 'childrens-social-care',
  };
  return (organisationKind && byOrganisation[organisationKind]) || 'other';
}

/** Everyone invited (and not removed), plus the chair and the minute taker, ready to be marked present. */
export async function attendeesFromInvitations(
  db: Queryable,
  conference: { id: string; chairId: string | null; minuteTakerId: string | null },
): Promise<SeededAttendee[]> {
  const rows = await db
    .select({ invitation: invitations, orgKind: organisations.kind })
    .from(invitations)
    .leftJoin(professionals, eq(professionals.id, invitations.professionalId))
    .leftJoin(organisations, eq(organisations.id, professionals.organisationId))
    .where(and(eq(invitations.conferenceId, conference.id), inArray(invitations.state, ['confirmed', 'sent'])));
  // EX2: only this conference's decisions: an exclusion from an earlier one is never carried over.
  const decisions = await db.select().from(exclusionRequests).where(and(eq(exclusionRequests.conferenceId, conference.id), eq(exclusionRequests.status, 'excluded')));
  const seeded: SeededAttendee[] = rows.map(({ invitation: i, orgKind }) => {
    const kind = KIND_OF_INVITEE[i.inviteeKind] ?? 'professional';
    const excluded = attendanceFromExclusion(conference.id, i.id, decisions, MEETING_PARTS);
    if (excluded) {
      return {
        invitationId: i.id, userId: i.userId, kind, name: i.name, agency: null, organisationName: i.organisationName, role: i.role,
        status: excluded.status ?? (i.response === 'apologies' ? 'apologies' : 'expected'), partsAttended: [],
        excludedParts: excluded.excludedParts, exclusionRequestId: excluded.exclusionRequestId,
        recordScope: excluded.recordScope, recordWithheldGround: excluded.recordWithheldGround,
      };
    }
    return {
      invitationId: i.id,
      userId: i.userId,
      kind,
      name: i.name,
      agency: kind === 'professional' ? guessAgency(orgKind, i.role) : null,
      organisationName: i.organisationName,
      role: i.role,
      status: i.response === 'apologies' ? 'apologies' : 'expected',
      partsAttended: [],
    };
  });
  const staff: [string | null, AttendeeKind, string][] = [
    [conference.chairId, 'chair', 'Conference chair'],
    [conference.minuteTakerId, 'minute-taker', 'Minute taker'],
  ];
  for (const [userId, kind, role] of staff) {
    if (!userId || seeded.some((s) => s.userId === userId)) continue;
    const [user] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
    if (!user) continue;
    seeded.push({ invitationId: null, userId, kind, name: user.displayName, agency: null, organisationName: null, role, status: 'present', partsAttended: [...MEETING_PARTS] });
  }
  return seeded;
}
