import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { apiClients, apiClientUsage, recognisedCallers, users } from '../../db/schema/index.js';
import { parseApiKey, rateWindow } from '../../domain/enquiry/api-key.js';
import { normalisePhone } from '../../domain/enquiry/caller.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { hashPassword } from '../accounts/passwords.js';
import { recordAudit } from '../audit/record-audit.js';
import { systemContext } from '../shared/action-context.js';
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

/**
 * Counts one request against the client's limit for this minute. The count is one atomic upsert,
 * so parallel requests (on any number of instances) cannot slip past the limit.
 */
export async function consumeApiRequest(db: Queryable, client: { clientId: string; perMinute: number }, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { minute, retryAfterSeconds } = rateWindow(now);
  const [row] = await db.insert(apiClientUsage).values({ clientId: client.clientId, minute, count: 1 })
    .onConflictDoUpdate({ target: [apiClientUsage.clientId, apiClientUsage.minute], set: { count: sql`${apiClientUsage.count} + 1` } })
    .returning({ count: apiClientUsage.count });
  return { allowed: (row?.count ?? 0) <= client.perMinute, retryAfterSeconds };
}

/** Counters older than their minute decide nothing: the housekeeping job removes them. */
export async function pruneApiUsage(db: Queryable, olderThan: Date): Promise<number> {
  const removed = await db.delete(apiClientUsage).where(lt(apiClientUsage.minute, olderThan)).returning({ clientId: apiClientUsage.clientId });
  return removed.length;
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
