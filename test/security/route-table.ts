import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { ROLE_IDS, type RoleId } from '../../src/policies/roles.js';
import { TestClock, testApp } from '../support/app.js';
import type { TestDatabase } from '../support/database.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { WebClient } from '../support/web-client.js';

/**
 * Support for the tests generated from the route table (fuzzing, the access matrix): the demo
 * seeded into a fresh database, the app's own list of routes, and a real record id for every
 * route parameter, found from the table the route's path names.
 */
export const DEMO_NOW = new Date('2026-03-02T10:00:00Z');

export interface RouteRow { method: string; url: string }

/** Routes the generated tests leave out, and why. */
export function testedRoutes(app: FastifyInstance): RouteRow[] {
  const seen = new Set<string>();
  return app.convene.routes
    .filter((r) => r.method === 'GET' || r.method === 'POST')
    // Static files; sign-in, sign-out and the account pages change who the client is (tested in src/modules/accounts and src/web/pages/sign-in).
    .filter((r) => !/^\/(assets|public|sign-in|sign-out|account)\b/.test(r.url) && !r.url.includes('*'))
    // The operational endpoints (tested in src/web/setup/operations.test.ts and metrics.test.ts).
    .filter((r) => !['/health', '/ready', '/metrics'].includes(r.url))
    .map((r) => ({ method: r.method, url: r.url }))
    .filter((r) => (seen.has(`${r.method} ${r.url}`) ? false : (seen.add(`${r.method} ${r.url}`), true)));
}

/** The table a route parameter points into, from the parameter's name or the path segment before it. */
const PARAM_TABLES: Record<string, string> = {
  actionId: 'plan_actions', attendanceId: 'meeting_attendance', caseId: 'cases', changeId: 'visit_frequency_changes',
  childId: 'people', childRequestId: 'child_requests_not_followed', changeRequestId: 'worker_change_requests', householdId: 'households', invitationId: 'invitations', personId: 'people', memberId: 'household_members', relId: 'relationships', viewId: 'meeting_views',
};
const SEGMENT_TABLES: Record<string, string> = {
  users: 'users', agencies: 'organisations', professionals: 'professionals', cases: 'cases', conferences: 'conferences', complaints: 'complaints',
  dissents: 'dissents', people: 'people', households: 'households', 'agency-requests': 'agency_conference_requests', assessments: 'assessments',
  referrals: 'referrals', 'section-47': 'section_47_enquiries', 'strategy-discussions': 'strategy_discussions', plans: 'child_protection_plans',
  reports: 'reports', exclusions: 'exclusion_requests', 'practice-concerns': 'practice_concerns', transfers: 'transfer_notices', emergency: 'emergency_responsibility',
  'out-of-timescale': 'out_of_timescale_authorisations', outbox: 'outbox_messages', batches: 'letter_batches', overrules: 'meeting_decisions',
  'subject-access': 'subject_access_requests',
  drafts: 'form_drafts',
  recordings: 'conference_recordings', 'recording-requests': 'recording_release_requests',
};

export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

export function tableFor(url: string, param: string): string | null {
  if (PARAM_TABLES[param]) return PARAM_TABLES[param];
  if (param !== 'id') return null;
  const segments = url.split('/');
  const at = segments.findIndex((s) => s === ':id');
  return SEGMENT_TABLES[segments[at - 1] ?? ''] ?? null;
}

/** Up to `limit` real ids of a table, newest last. */
export async function idsOf(db: Database, table: string, limit = 5): Promise<string[]> {
  const rows = await db.execute(sql.raw(`select id::text as id from "${table}" order by id limit ${limit}`));
  return ((rows as unknown as { rows: { id: string }[] }).rows ?? []).map((r) => r.id);
}

/** The route's URL with every parameter replaced, by name. */
export function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)(\?)?/g, (_m, name: string) => encodeURIComponent(values[name] ?? '')).replace(/\/$/, '') || '/';
}

/**
 * A fingerprint of everything a request could write, outside the tables every request touches
 * (sessions, throttles) and the audit trail (reads of a child's record are audited by design).
 */
export async function dataFingerprint(db: Database): Promise<string> {
  const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const tables = ((result as unknown as { rows: { table_name: string }[] }).rows).map((r) => r.table_name)
    .filter((t) => !['sessions', 'address_throttles', 'audit_events'].includes(t));
  const parts: SQL[] = tables.map((t) => sql.raw(`select '${t}' as t, count(*)::text as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${t}" x`));
  const union = sql.join(parts, sql.raw(' union all '));
  const rows = await db.execute(union);
  return ((rows as unknown as { rows: { t: string; n: string; h: string }[] }).rows).map((r) => `${r.t}:${r.n}:${r.h}`).sort().join('\n');
}

export interface SeededApp {
  app: FastifyInstance;
  db: Database;
  clients: Map<RoleId, WebClient>;
}

/** The demo, seeded, with a signed-in client for every role. */
export async function seededApp(database: TestDatabase): Promise<SeededApp> {
  const db = database.handle.db;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-routes-'));
  await seedDemo(db, { password: TEST_PASSWORD, dataDir, now: DEMO_NOW, pack: 'national' });
  const app = await testApp(database.handle, { clock: new TestClock(new Date(DEMO_NOW)), env: { CONVENE_PACK: 'national' } });
  const clients = new Map<RoleId, WebClient>();
  for (const role of ROLE_IDS) {
    const client = new WebClient(app);
    const res = await client.signIn(role, TEST_PASSWORD);
    if (res.statusCode !== 302) throw new Error(`demo ${role} could not sign in: ${res.statusCode}`);
    await client.get('/'); // the session's CSRF token, for the forms
    clients.set(role, client);
  }
  return { app, db, clients };
}
