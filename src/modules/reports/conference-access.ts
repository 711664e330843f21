import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, invitations, organisations, professionals, reports } from '../../db/schema/index.js';
import { isInitialKind, type ConferenceKind } from '../../domain/conference/kinds.js';
import { isPackId, type PackId } from '../../domain/packs/pack-id.js';
import type { ExpectedInvitee } from '../../domain/reports/expected.js';
import { hasRole, type Actor } from '../../policies/roles.js';
import { maySeeAllReports } from '../../policies/reports.js';
import { holdsReportLink, mayWriteThroughReportLink } from '../../policies/report-link.js';
import { guessAgency } from '../meeting/seed-attendance.js';
import { loadChildren, loadConference, type ConferenceRow, type MeetingChild } from '../meeting/meeting-state.js';
import { NotFoundError } from '../shared/errors.js';
import { assertConferenceAccess } from '../access/child-record-access.js';

export type InvitationRow = typeof invitations.$inferSelect;

export interface ConferenceForReports {
  conference: ConferenceRow;
  pack: PackId;
  isInitial: boolean;
  children: MeetingChild[];
  subjects: MeetingChild[];
  invitations: InvitationRow[];
  invitees: ExpectedInvitee[];
  /** all: the authority's staff. invited: an agency practitioner, who sees their own reports only. */
  access: 'all' | 'invited';
  /** The actor's own invitation, for an agency practitioner. */
  ownInvitation: InvitationRow | null;
}

const LIVE = ['sent', 'confirmed'];

/** The invitation that lets this user into a conference: addressed to them, or to the professional record they are. */
export async function invitationOf(db: Queryable, userId: string, conferenceId: string): Promise<InvitationRow | null> {
  const rows = await db
    .select({ invitation: invitations })
    .from(invitations)
    .leftJoin(professionals, eq(professionals.id, invitations.professionalId))
    .where(and(eq(invitations.conferenceId, conferenceId), inArray(invitations.state, LIVE), or(eq(invitations.userId, userId), eq(professionals.userId, userId))));
  return rows[0]?.invitation ?? null;
}

/** The conferences an agency practitioner is invited to, soonest first, each with their own report if started. */
export async function invitedConferences(db: Queryable, userId: string) {
  const rows = await db
    .selectDistinct({ conference: conferences, invitationId: invitations.id, role: invitations.role, response: invitations.response })
    .from(invitations)
    .innerJoin(conferences, eq(conferences.id, invitations.conferenceId))
    .leftJoin(professionals, eq(professionals.id, invitations.professionalId))
    .where(and(inArray(invitations.state, LIVE), or(eq(invitations.userId, userId), eq(professionals.userId, userId))))
    .orderBy(asc(conferences.scheduledStart));
  const own = rows.length
    ? await db.select({ id: reports.id, invitationId: reports.invitationId, status: reports.status }).from(reports).where(inArray(reports.invitationId, rows.map((r) => r.invitationId)))
    : [];
  return rows.map((r) => ({ ...r, report: own.find((o) => o.invitationId === r.invitationId) ?? null }));
}

/**
 * A conference as the reports pages need it, or 404: an agency practitioner who is not invited
 * must not learn that the conference exists.
 */
export async function conferenceForReports(db: Queryable, actor: Actor | null, conferenceId: string): Promise<ConferenceForReports> {
  if (!actor) throw new NotFoundError('We could not find that conference.');
  const conference = await loadConference(db, conferenceId);
  let access: 'all' | 'invited';
  let ownInvitation: InvitationRow | null;
  if (holdsReportLink(actor)) {
    // Issue 17: the link's holder reaches the one conference their invitation is to, while it is live.
    if (!mayWriteThroughReportLink(actor, conferenceId)) throw new NotFoundError('We could not find that conference.');
    const [held] = await db.select().from(invitations).where(and(eq(invitations.id, actor.reportLink!.invitationId), eq(invitations.conferenceId, conferenceId), inArray(invitations.state, LIVE)));
    if (!held) throw new NotFoundError('We could not find that conference.');
    ownInvitation = held;
    access = 'invited';
  } else if (maySeeAllReports(actor)) {
    await assertConferenceAccess(db, actor, conferenceId); // the role, and this authority's children
    access = 'all';
    ownInvitation = await invitationOf(db, actor.id, conferenceId);
  } else if (hasRole(actor, 'agency-practitioner')) {
    ownInvitation = await invitationOf(db, actor.id, conferenceId);
    if (!ownInvitation) throw new NotFoundError('We could not find that conference.');
    access = 'invited';
  } else {
    throw new NotFoundError('We could not find that conference.');
  }
  const children = await loadChildren(db, conferenceId);
  const rows = await db
    .select({ invitation: invitations, orgKind: organisations.kind })
    .from(invitations)
    .leftJoin(professionals, eq(professionals.id, invitations.professionalId))
    .leftJoin(organisations, eq(organisations.id, professionals.organisationId))
    .where(eq(invitations.conferenceId, conferenceId))
    .orderBy(asc(invitations.createdAt), asc(invitations.name));
  const invitees: ExpectedInvitee[] = rows.map(({ invitation: i, orgKind }) => ({
    invitationId: i.id,
    name: i.name,
    role: i.role,
    organisationName: i.organisationName,
    inviteeKind: i.inviteeKind,
    state: i.state,
    userId: i.userId,
    agency: i.inviteeKind === 'professional' ? guessAgency(orgKind, i.role) : null,
    response: i.response,
  }));
  return {
    conference,
    pack: isPackId(conference.pack) ? conference.pack : 'national',
    isInitial: isInitialKind(conference.kind as ConferenceKind),
    children,
    subjects: children.filter((c) => c.role === 'subject'),
    invitations: rows.map((r) => r.invitation),
    invitees,
    access,
    ownInvitation,
  };
}

/** The agency report already started on this invitation, if any: the new-report link then opens it instead. */
export async function startedAgencyReport(db: Queryable, invitationId: string): Promise<string | null> {
  const [row] = await db.select({ id: reports.id }).from(reports).where(eq(reports.invitationId, invitationId));
  return row?.id ?? null;
}
