import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often: a read does not write on every request. The idle
 *  timeout can therefore end a session up to a minute before 30 minutes after its last request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** How often expired sessions are deleted while Convene runs. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export type SessionRow = typeof sessions.$inferSelect;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type SessionState = 'live' | 'idle-expired' | 'absolute-expired';

/** Pure: whether a session still counts at `now`. */
export function sessionState(row: Pick<SessionRow, 'createdAt' | 'lastSeenAt'>, now: Date): SessionState {
  if (now.getTime() - row.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS) return 'absolute-expired';
  if (now.getTime() - row.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle-expired';
  return 'live';
}

export interface NewSession {
  id: string; // goes in the cookie; never stored
  row: SessionRow;
}

export async function createSession(
  db: Queryable,
  values: { userId?: string | null; pendingUserId?: string | null; reportLinkId?: string | null; data?: Record<string, unknown>; address: string | null; now: Date },
): Promise<NewSession> {
  const id = newToken();
  const [row] = await db
    .insert(sessions)
    .values({
      idHash: hashSessionId(id),
      userId: values.userId ?? null,
      pendingUserId: values.pendingUserId ?? null,
      reportLinkId: values.reportLinkId ?? null,
      csrfToken: newToken(),
      data: values.data ?? {},
      createdAt: values.now,
      lastSeenAt: values.now,
      address: values.address,
    })
    .returning();
  if (!row) throw new Error('session insert returned nothing');
  return { id, row };
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, hashSessionId(id))).limit(1);
  return row ?? null;
}

/** The session and its signed-in user (null when none, or not active) in one query. */
export async function findSessionWithUser(db: Database, id: string): Promise<{ row: SessionRow; user: typeof users.$inferSelect | null } | null> {
  const [found] = await sessionWithUserQuery(db).execute({ idHash: hashSessionId(id) });
  return found ? { row: found.row, user: found.user } : null;
}

/**
 * Every request reads its session: the statement is built once per database rather than on each
 * request (issue 16), and on PostgreSQL each connection parses and plans it once.
 */
const sessionWithUser = new WeakMap<Database, ReturnType<typeof prepareSessionWithUser>>();
function prepareSessionWithUser(db: Database) {
  return db
    .select({ row: sessions, user: users })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .limit(1)
    .prepare('find_session_with_user');
}
function sessionWithUserQuery(db: Database) {
  let query = sessionWithUser.get(db);
  if (!query) sessionWithUser.set(db, (query = prepareSessionWithUser(db)));
  return query;
}

/** Pure: whether a live session's last_seen_at is old enough to be written again at `now`. */
export function needsTouch(row: Pick<SessionRow, 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

export async function touchSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
}

export async function updateSessionData(db: Queryable, idHash: string, data: Record<string, unknown>): Promise<void> {
  await db.update(sessions).set({ data }).where(eq(sessions.idHash, idHash));
}

export async function destroySession(db: Queryable, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user (deactivation, password change by an administrator). */
export async function destroyUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(or(eq(sessions.userId, userId), eq(sessions.pendingUserId, userId)));
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS)),
        and(lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS))),
      ),
    )
    .returning({ idHash: sessions.idHash });
  return gone.length;
}
