import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDataGeneration } from '../modules/shared/data-generation.js';
import { describeEachEngine, freshDatabase, type Engine, type TestDatabase } from '../../test/support/database.js';
import { contextFor, createMeetingFixture, meetingUnderWay } from '../../test/support/meeting-factory.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { verifyAuditChain } from '../modules/audit/verify-chain.js';
import { backupDatabase, BackupError, databaseFingerprint, restoreDatabase } from './backup.js';
import { auditEvents } from './schema/index.js';

/** Each test migrates one or two fresh databases. */
const SLOW = 300_000;

describeEachEngine('db backup and db restore', (engine) => {
  let source: TestDatabase;
  const restored: TestDatabase[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-backup-'));
  const file = path.join(dir, 'convene.backup');
  const fresh = async (kind: Engine = engine) => {
    const d = await freshDatabase(kind);
    restored.push(d);
    return d;
  };

  beforeAll(async () => {
    source = await freshDatabase(engine);
    const db = source.handle.db;
    const f = await createMeetingFixture(db);
    await meetingUnderWay(db, f);
    for (let i = 0; i < 5; i++) await recordAudit(db, contextFor(f.chair), { action: 'child-record-viewed', recordType: 'case', recordId: f.conferenceId, details: { i, note: 'ünïcode ✓, "quotes", \\ and\nnewline' } });
    // A time with microseconds, as SQL's now() writes: a backup through JavaScript Dates would lose them.
    await db.execute(sql`update organisations set created_at = timestamptz '2026-03-01 09:15:42.123456+00'`);
  }, 240_000);
  afterAll(async () => {
    for (const d of restored) await d.drop();
    await source.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backup → restore into a fresh database: every table has the same rows (count and checksum), and audit verify passes', async () => {
    const result = await backupDatabase(source.handle, file);
    expect(result.rows).toBeGreaterThan(20);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = await databaseFingerprint(source.handle.db);
    expect(Object.keys(before).length).toBeGreaterThan(50);
    expect(before.audit_events!.rows).toBeGreaterThan(5);
    expect(before.sessions).toBeUndefined();

    const target = await fresh();
    const restore = await restoreDatabase(target.handle, file);
    expect(restore.rows).toBe(result.rows);
    expect(await databaseFingerprint(target.handle.db)).toEqual(before);
    const [org] = (await target.handle.db.execute(sql`select to_char(min(created_at) at time zone 'UTC', 'SS.US') as s from organisations`) as unknown as { rows: { s: string }[] }).rows;
    expect(org?.s).toBe('42.123456');
    const chain = await verifyAuditChain(target.handle.db);
    expect(chain).toMatchObject({ ok: true, rowsChecked: before.audit_events!.rows });
    expect(chain.lastHash).toBe((await verifyAuditChain(source.handle.db)).lastHash);
    // The restored database goes on: a new audit row extends the same chain, with the next id.
    const [last] = await target.handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(sql`id desc`).limit(1);
    await recordAudit(target.handle.db, { actor: null, requestId: 'after-restore', address: '127.0.0.1', now: new Date('2026-03-03T09:00:00Z') }, { action: 'sign-in-failed', outcome: 'failure', username: 'nobody' });
    const [next] = await target.handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(sql`id desc`).limit(1);
    expect(next!.id).toBe(last!.id + 1);
    expect((await verifyAuditChain(target.handle.db)).ok).toBe(true);
  }, SLOW);

  it('restore refuses a database that is not empty unless --force, which replaces it', async () => {
    const target = await fresh();
    await restoreDatabase(target.handle, file);
    await recordAudit(target.handle.db, { actor: null, requestId: 'extra', address: '127.0.0.1', now: new Date('2026-03-04T09:00:00Z') }, { action: 'sign-in-failed', outcome: 'failure', username: 'someone' });
    await expect(restoreDatabase(target.handle, file)).rejects.toThrow(/This database is not empty \(.*audit_events/);
    await expect(restoreDatabase(source.handle, file)).rejects.toThrow(BackupError);
    // Kept work lists name the count of changes: replacing the records moves it on, never back.
    const changesBefore = await readDataGeneration(target.handle.db);
    const forced = await restoreDatabase(target.handle, file, { force: true });
    expect(forced.replaced).toBe(true);
    expect(await readDataGeneration(target.handle.db)).toBeGreaterThan(changesBefore);
    expect(await databaseFingerprint(target.handle.db)).toEqual(await databaseFingerprint(source.handle.db));
    expect((await verifyAuditChain(target.handle.db)).ok).toBe(true);
  }, SLOW);

  it('a backup cut short, damaged or not a backup at all is refused, and the database is left empty', async () => {
    const target = await fresh();
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    const cut = path.join(dir, 'cut.backup');
    fs.writeFileSync(cut, zlib.gzipSync(`${whole.slice(0, -1).join('\n')}\n`));
    await expect(restoreDatabase(target.handle, cut)).rejects.toThrow(/cut short/);
    // One audit row edited in the file: the checksum catches it and nothing is committed.
    const edited = path.join(dir, 'edited.backup');
    const i = whole.findIndex((l) => l.startsWith('{"t":"audit_events"'));
    const tampered = [...whole];
    tampered[i] = tampered[i]!.replace(/"action":"[^"]+"/, '"action":"nothing-to-see"');
    fs.writeFileSync(edited, zlib.gzipSync(`${tampered.join('\n')}\n`));
    await expect(restoreDatabase(target.handle, edited)).rejects.toThrow(/audit_events did not match/);
    const notBackup = path.join(dir, 'not.backup');
    fs.writeFileSync(notBackup, 'hello');
    await expect(restoreDatabase(target.handle, notBackup)).rejects.toThrow(BackupError);
    const counts = await databaseFingerprint(target.handle.db);
    expect(Object.values(counts).every((t) => t.rows === 0)).toBe(true);
  }, SLOW);

  if (engine === 'postgres') {
    it('a PostgreSQL backup restores into PGlite too (and so the other way): the format is the engines’ own JSON', async () => {
      const target = await fresh('pglite');
      await restoreDatabase(target.handle, file);
      expect(await databaseFingerprint(target.handle.db)).toEqual(await databaseFingerprint(source.handle.db));
      expect((await verifyAuditChain(target.handle.db)).ok).toBe(true);
    }, SLOW);
  }
});
