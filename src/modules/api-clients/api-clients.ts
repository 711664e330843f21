import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { apiAgencyUsage, apiClients, apiClientUsage, recognisedCallers, users } from '../../db/schema/index.js';
import { agencyCounterKey, parseApiKey, rateWindow } from '../../domain/enquiry/api-key.js';
import { normalisePhone } from '../../domain/enquiry/caller.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { hashPassword } from '../accounts/passwords.js';
import { recordAudit } from '../audit/record-audit.js';
import { systemContext, type ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { theAuthority } from '../enquiry/the-authority.js';

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

export interface ApiCaller {
  clientId: string;
  agency: string;
  callbackNumber: string;
  perMinute: number;
  actor: Actor;
}

/**
 * Creates an agency's credential: a service account that holds only the enquirer role (its
 * password is random and never shown, so it cannot sign in), tied to a recognised call-back line
 * (added if new). Returns the key, which is shown this once.
 */
export async function createApiClient(db: Database, input: { agency: string; phone: string; perMinute?: number }, now: Date): Promise<{ id: string; key: string }> {
  const agency = input.agency.trim();
  if (!agency) throw new ValidationError([{ field: 'agency', message: 'Enter the agency' }]);
  const phone = normalisePhone(input.phone);
  if (!phone) throw new ValidationError([{ field: 'phone', message: 'Enter the agency’s UK call-back number, like 01632 960100' }]);
  const perMinute = input.perMinute ?? 60;
  if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 10_000) throw new ValidationError([{ field: 'perMinute', message: 'Enter a whole number of requests a minute from 1 to 10000' }]);
  const authority = await theAuthority(db);
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    await tx.insert(recognisedCallers).values({ organisationId: authority.id, agency, agencyKind: 'other', phone, addedAt: now }).onConflictDoNothing();
    const [line] = await tx.select().from(recognisedCallers).where(and(eq(recognisedCallers.organisationId, authority.id), eq(recognisedCallers.phone, phone)));
    const [user] = await tx.insert(users).values({
      username: `api-${prefix}`, displayName: `${agency} (system)`, organisationId: authority.id, roles: ['enquirer'], passwordHash, mustChangePassword: false,
    }).returning({ id: users.id });
    const [client] = await tx.insert(apiClients).values({
      agency, userId: user!.id, recognisedCallerId: line!.id, keyPrefix: prefix, keyHash: sha256(secret), perMinute, createdAt: now,
    }).returning({ id: apiClients.id });
    await recordAudit(tx, systemContext(now), { action: 'api-client-created', recordType: 'api-client', recordId: client!.id, details: { agency, phone, perMinute } });
    return { id: client!.id, key: `cvn_${prefix}_${secret}` };
  });
}

/** The client a bearer key belongs to, or null: unknown prefix, wrong secret, revoked, or the line withdrawn. */
export async function authenticateApiKey(db: Queryable, authorization: string | undefined): Promise<ApiCaller | null> {
  const parsed = parseApiKey(authorization);
  if (!parsed) return null;
  const [row] = await db.select({ client: apiClients, user: users, line: recognisedCallers }).from(apiClients)
    .innerJoin(users, eq(apiClients.userId, users.id)).innerJoin(recognisedCallers, eq(apiClients.recognisedCallerId, recognisedCallers.id))
    .where(eq(apiClients.keyPrefix, parsed.prefix));
  if (!row) return null;
  const given = Buffer.from(sha256(parsed.secret));
  const kept = Buffer.from(row.client.keyHash);
  if (given.length !== kept.length || !timingSafeEqual(given, kept)) return null;
  if (!row.client.active || !row.user.active || !row.line.active) return null;
  return {
    clientId: row.client.id, agency: row.client.agency, callbackNumber: row.line.phone, perMinute: row.client.perMinute,
    actor: { id: row.user.id, username: row.user.username, displayName: row.user.displayName, organisationId: row.user.organisationId, teamId: row.user.teamId, roles: row.user.roles as RoleId[] },
  };
}

export interface RequestVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
  /** Which limit refused: the key's own, or its agency's shared one; null when allowed. */
  refusedBy: 'key' | 'agency' | null;
  limit: number;
  /** This request is the first over that limit this minute (exactly one request sees it, however many race). */
  firstRefused: boolean;
}

/**
 * Counts one request against the key's own limit for this minute, then against its agency's,
 * shared by every key issued to that agency. Each count is one atomic upsert, so parallel
 * requests (through any of the agency's keys, on any number of instances) cannot slip past
 * either limit. A request the key's own limit refuses does not use the agency's share.
 */
export async function consumeApiRequest(
  db: Queryable,
  client: { clientId: string; agency: string; perMinute: number },
  agencyPerMinute: number,
  now: Date,
): Promise<RequestVerdict> {
  const { minute, retryAfterSeconds } = rateWindow(now);
  const [own] = await db.insert(apiClientUsage).values({ clientId: client.clientId, minute, count: 1 })
    .onConflictDoUpdate({ target: [apiClientUsage.clientId, apiClientUsage.minute], set: { count: sql`${apiClientUsage.count} + 1` } })
    .returning({ count: apiClientUsage.count });
  const ownCount = own?.count ?? 0;
  if (ownCount > client.perMinute) return { allowed: false, retryAfterSeconds, refusedBy: 'key', limit: client.perMinute, firstRefused: ownCount === client.perMinute + 1 };
  const [shared] = await db.insert(apiAgencyUsage).values({ agency: agencyCounterKey(client.agency), minute, count: 1 })
    .onConflictDoUpdate({ target: [apiAgencyUsage.agency, apiAgencyUsage.minute], set: { count: sql`${apiAgencyUsage.count} + 1` } })
    .returning({ count: apiAgencyUsage.count });
  const sharedCount = shared?.count ?? 0;
  if (sharedCount > agencyPerMinute) return { allowed: false, retryAfterSeconds, refusedBy: 'agency', limit: agencyPerMinute, firstRefused: sharedCount === agencyPerMinute + 1 };
  return { allowed: true, retryAfterSeconds, refusedBy: null, limit: client.perMinute, firstRefused: false };
}

/**
 * Audits a refusal by either limit once a minute for each key or agency: the first request over
 * the limit is recorded (who, which limit, how many a minute), and the rest of that minute's
 * refusals are counted in the usage rows and logged, not audited one by one, so a partner
 * system stuck in a retry loop cannot flood the audit trail that every other action writes to.
 */
export async function auditRefusal(db: Queryable, context: ActionContext, client: ApiCaller, verdict: RequestVerdict): Promise<void> {
  if (verdict.allowed || !verdict.firstRefused) return;
  await recordAudit(db, context, {
    action: 'api-rate-limited', outcome: 'denied', recordType: 'api-client', recordId: client.clientId,
    details: { agency: client.agency, limit: verdict.refusedBy, perMinute: verdict.limit, retryAfterSeconds: verdict.retryAfterSeconds },
  });
}

/** Counters older than their minute decide nothing: the housekeeping job removes them. */
export async function pruneApiUsage(db: Queryable, olderThan: Date): Promise<number> {
  const removed = await db.delete(apiClientUsage).where(lt(apiClientUsage.minute, olderThan)).returning({ clientId: apiClientUsage.clientId });
  const removedShared = await db.delete(apiAgencyUsage).where(lt(apiAgencyUsage.minute, olderThan)).returning({ agency: apiAgencyUsage.agency });
  return removed.length + removedShared.length;
}

export async function listApiClients(db: Queryable) {
  return db.select({ id: apiClients.id, agency: apiClients.agency, keyPrefix: apiClients.keyPrefix, perMinute: apiClients.perMinute, active: apiClients.active, createdAt: apiClients.createdAt, lastUsedAt: apiClients.lastUsedAt })
    .from(apiClients).orderBy(asc(apiClients.agency));
}

export async function revokeApiClient(db: Database, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(apiClients).set({ active: false }).where(eq(apiClients.id, id)).returning({ id: apiClients.id });
    if (row) await recordAudit(tx, systemContext(now), { action: 'api-client-revoked', recordType: 'api-client', recordId: id });
    return Boolean(row);
  });
}
