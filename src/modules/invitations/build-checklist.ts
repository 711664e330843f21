import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { invitations, organisations, professionals } from '../../db/schema/index.js';
import type { Circumstances } from '../../domain/invitations/case-facts.js';
import { suggestInvitees } from '../../domain/invitations/checklist.js';
import type { AgencyNeed, Suggestion } from '../../domain/invitations/invitee.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { auditForChildren, isOpenForInvitations, loadInvitationState, type InvitationRow } from './invitation-state.js';
import { loadCaseFacts } from './load-case-facts.js';

/** The kind of organisation that provides each service, to find a named contact (demo and real directories alike). */
const ORGANISATION_KIND: Partial<Record<AgencyNeed, string>> = {
  police: 'police', 'health-visitor': 'health', 'school-nurse': 'health', midwifery: 'health', paediatrics: 'health',
  education: 'education', housing: 'housing', probation: 'probation', 'domestic-abuse': 'voluntary',
};

const ROLE_PATTERN: Partial<Record<AgencyNeed, RegExp>> = {
  police: /police|detective|constable|officer/i, 'health-visitor': /health visitor/i, 'school-nurse': /school nurse/i,
  midwifery: /midwi/i, paediatrics: /paediatric/i, education: /safeguarding lead|teacher|school/i, housing: /housing|tenancy/i, probation: /probation/i,
};

type Directory = { professional: typeof professionals.$inferSelect; organisation: typeof organisations.$inferSelect }[];

/** A named professional for the service where the directory has one, else the agency's secure inbox. */
function withContact(s: Suggestion, directory: Directory): Suggestion & { professionalId: string | null } {
  const kind = s.agency ? ORGANISATION_KIND[s.agency] : undefined;
  if (!kind || !s.agency) return { ...s, professionalId: null };
  const ofKind = directory.filter((d) => d.organisation.kind === kind && d.professional.active);
  const pattern = ROLE_PATTERN[s.agency];
  const named = ofKind.find((d) => pattern?.test(d.professional.role)) ?? (kind === 'health' ? undefined : ofKind[0]);
  if (named) {
    return { ...s, name: named.professional.name, organisationName: named.organisation.name, email: named.professional.secureEmail ?? named.organisation.secureEmail, professionalId: named.professional.id };
  }
  const org = ofKind[0]?.organisation;
  return { ...s, organisationName: org?.name ?? s.organisationName, email: org?.secureEmail ?? null, professionalId: null };
}

/** The identity an invitation keeps across rebuilds: the person, the user, else the role asked for. */
function identity(i: { personId: string | null; userId: string | null; role: string }): string {
  return i.personId ? `person:${i.personId}` : i.userId ? `user:${i.userId}` : `role:${i.role.toLowerCase()}`;
}

export interface ChecklistResult {
  added: number;
  kept: number;
}

/**
 * IN1, IN2: writes the suggested invitees for a booked conference. Running it again (for
 * instance after answering the questions about the case) adds only what is new: nobody already
 * listed, confirmed, sent or removed comes back.
 */
export async function buildChecklist(db: Database, context: ActionContext, conferenceId: string, circumstances: Circumstances = {}): Promise<ChecklistResult> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  if (!isOpenForInvitations(state.conference.status)) {
    throw new ConflictError('Invitations are prepared once the conference is booked.');
  }
  const onDate = londonIsoDate(state.conference.scheduledStart ?? context.now);
  const facts = await loadCaseFacts(db, state, circumstances, onDate);
  const directory = await loadDirectory(db);
  const suggestions = suggestInvitees(facts).map((s) => withContact(s, directory));
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(invitations).where(eq(invitations.conferenceId, conferenceId));
    const known = new Set(existing.map(identityOf));
    let added = 0;
    for (const s of suggestions) {
      if (known.has(identity(s))) continue;
      known.add(identity(s));
      await tx.insert(invitations).values({
        conferenceId, inviteeKind: s.inviteeKind, personId: s.personId, userId: s.userId, professionalId: s.professionalId,
        name: s.name, role: s.role, organisationName: s.organisationName, email: s.email, postalAddress: s.postalAddress,
        channel: s.channel, suggestedBecause: `${s.because} (${s.ruleId})`, state: 'suggested', createdAt: new Date(context.now.getTime() + added),
      });
      added += 1;
    }
    await auditForChildren(tx, context, state, { action: 'invitation-checklist-built', recordType: 'conference', recordId: conferenceId, details: { added, circumstances } });
    return { added, kept: existing.length };
  });
}

function identityOf(row: InvitationRow): string {
  return identity(row);
}

async function loadDirectory(db: Queryable): Promise<Directory> {
  return db.select({ professional: professionals, organisation: organisations }).from(professionals).innerJoin(organisations, eq(organisations.id, professionals.organisationId));
}
