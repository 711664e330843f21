import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { breakGlassGrants, cases, people, users } from '../../db/schema/index.js';
import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN } from '../../policies/child-record.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { childAccessFor } from './child-record-access.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { listedName } from '../shared/load-records.js';

/** How long a break-glass use stays on the team manager's and the auditor's home page. */
const ALERT_DAYS = 28;

/**
 * Issue 19, break-glass: someone whose role may look at children's records, with no working
 * relationship to this child, gives the reason they need the record. Access is granted for this
 * session only; the use is audited with the reason, and the child's team manager and the
 * authority's auditors are told (their home page and an email through the outbox). Someone with
 * no reason to look at all (an agency practitioner, an enquirer) gets the 404 they always got.
 */
export async function breakGlass(db: Database, context: ActionContext, childId: string, reason: string): Promise<'granted' | 'already-open'> {
  const actor = context.actor;
  if (!actor?.sessionKey) throw new ForbiddenError('Break-glass access is for a signed-in session only.');
  const access = await childAccessFor(db, actor, childId);
  if (access === 'refused') throw new NotFoundError('We could not find that record.');
  if (access === 'open') return 'already-open';
  const trimmed = reason.trim();
  if (trimmed.length < BREAK_GLASS_REASON_MIN || trimmed.length > BREAK_GLASS_REASON_MAX) {
    throw new ValidationError([{ field: 'reason', message: `Give the reason in ${BREAK_GLASS_REASON_MIN} to ${BREAK_GLASS_REASON_MAX} characters` }]);
  }
  return db.transaction(async (tx) => {
    const [grant] = await tx.insert(breakGlassGrants).values({ userId: actor.id, childId, sessionKey: actor.sessionKey!, reason: trimmed, grantedAt: context.now }).returning({ id: breakGlassGrants.id });
    if (!grant) throw new Error('break-glass insert returned nothing');
    const told = await alertees(tx, actor.organisationId, childId);
    for (const person of told) {
      if (!person.email) continue;
      await enqueueMessage(tx, {
        channel: 'email', toName: person.displayName, toAddress: person.email,
        subject: 'A child’s record was opened without a working relationship (break-glass)',
        bodyText: `${person.displayName},\n\n${actor.displayName} opened a child’s record in Convene without a working relationship with the child, ` +
          `on ${londonIsoDate(context.now)}, and gave a reason. The child and the reason are on your home page in Convene ` +
          `(“Break-glass access to check”): check that the reason stands.\n\nThis email does not name the child.`,
        relatedType: 'break-glass', relatedId: grant.id,
      }, context.now);
    }
    await recordAudit(tx, context, {
      action: 'child-record-break-glass', recordType: 'person', recordId: childId, childId, reason: trimmed,
      details: { grantId: grant.id, told: told.map((t) => t.id) },
    });
    return 'granted' as const;
  });
}

/** The child's team managers (of any of the child's cases) and the auditors of the authority. */
async function alertees(db: Queryable, organisationId: string, childId: string): Promise<{ id: string; displayName: string; email: string | null }[]> {
  const managers = db.select({ id: cases.teamManagerId }).from(cases).where(eq(cases.childId, childId));
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(
      eq(users.active, true),
      sql`(${users.id} in (${managers}) or (${users.organisationId} = ${organisationId}::uuid and 'auditor' = any(${users.roles})))`,
    ));
}

export interface BreakGlassUse {
  id: string;
  childId: string;
  childName: string;
  userName: string;
  reason: string;
  grantedAt: Date;
}

/** Break-glass uses of the last four weeks, for a team manager (their children) or an auditor (the authority's). */
export async function recentBreakGlassUses(db: Queryable, whose: { teamManagerId: string } | { organisationId: string }, now: Date): Promise<BreakGlassUse[]> {
  const since = new Date(now.getTime() - ALERT_DAYS * 86_400_000);
  const scope = 'teamManagerId' in whose
    ? inArray(breakGlassGrants.childId, db.select({ id: cases.childId }).from(cases).where(eq(cases.teamManagerId, whose.teamManagerId)))
    : eq(users.organisationId, whose.organisationId);
  const rows = await db
    .select({ g: breakGlassGrants, userName: users.displayName, givenNames: people.givenNames, familyName: people.familyName })
    .from(breakGlassGrants)
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .innerJoin(people, eq(people.id, breakGlassGrants.childId))
    .where(and(gte(breakGlassGrants.grantedAt, since), scope))
    .orderBy(desc(breakGlassGrants.grantedAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.g.id, childId: r.g.childId, reason: r.g.reason, grantedAt: r.g.grantedAt, userName: r.userName,
    childName: listedName(r),
  }));
}
