import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { systemContext } from '../shared/action-context.js';
import { auditRow, insertAuditRows, recordAudit } from './record-audit.js';
import { anchorAuditChain, chainHash, readAnchors, verifyAuditChain } from './verify-chain.js';

const now = new Date('2026-03-02T10:00:00.123Z');

/** As the database owner would: switch the guards off, change history, switch them on. */
async function tamper(db: Database, statements: string[]): Promise<void> {
  await db.execute(sql.raw('alter table audit_events disable trigger user'));
  try {
    for (const s of statements) await db.execute(sql.raw(s));
  } finally {
    await db.execute(sql.raw('alter table audit_events enable trigger user'));
  }
}
const idAt = async (db: Database, seq: number) =>
  Number(((await db.execute(sql`select id from audit_events where chain_seq = ${seq}`)) as unknown as { rows: { id: string }[] }).rows[0]!.id);

describeEachEngine('audit hash chain', (engine) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    db = database.handle.db;
    // Some rows one by one, some from parallel transactions, with awkward content.
    for (let i = 0; i < 5; i += 1) {
      await recordAudit(db, systemContext(now), { action: 'test-event', reason: i === 2 ? 'ünïcødé — “quotes” | pipes\nnewline' : null, details: { n: i, nested: { b: [1, 2.5, 'x'] } } });
    }
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, systemContext(now), { action: 'parallel-a', details: { i } });
          await recordAudit(tx, systemContext(now), { action: 'parallel-b', details: { i } });
        }),
      ),
    );
    await db.execute(sql.raw('create table audit_snapshot as select * from audit_events'));
  });
  afterAll(async () => database.drop());
  beforeEach(async () => {
    await tamper(db, ['delete from audit_events', 'insert into audit_events select * from audit_snapshot']);
  });

  it('chains every row, parallel writers included, into one unbroken chain that verifies', async () => {
    const report = await verifyAuditChain(db);
    expect(report.finding).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.rowsChecked).toBe(45);
    expect(report.lastSeq).toBe(45);
  });

  it('leaves a rolled-back row out of the chain', async () => {
    await expect(db.transaction(async (tx) => {
      await recordAudit(tx, systemContext(now), { action: 'rolled-back' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect((await verifyAuditChain(db)).rowsChecked).toBe(45);
  });

  it('names an edited row', async () => {
    const id = await idAt(db, 7);
    await tamper(db, [`update audit_events set reason = 'nothing to see' where chain_seq = 7`]);
    expect((await verifyAuditChain(db)).finding).toMatchObject({ kind: 'edited', rowId: id, chainSeq: 7 });
  });

  it('names an edited row even when its hash was recomputed to match', async () => {
    const id = await idAt(db, 7);
    await tamper(db, [
      `update audit_events set action = 'harmless' where chain_seq = 7`,
      `update audit_events set hash = audit_events_hash(prev_hash, audit_events_payload(audit_events)) where chain_seq = 7`,
    ]);
    expect((await verifyAuditChain(db)).finding).toMatchObject({ kind: 'edited', rowId: id });
  });

  it('names the row after a deleted one', async () => {
    const after = await idAt(db, 8);
    await tamper(db, ['delete from audit_events where chain_seq = 7']);
    expect((await verifyAuditChain(db)).finding).toMatchObject({ kind: 'deleted', rowId: after, chainSeq: 8 });
  });

  it('names a deleted first row', async () => {
    const second = await idAt(db, 2);
    await tamper(db, ['delete from audit_events where chain_seq = 1']);
    expect((await verifyAuditChain(db)).finding).toMatchObject({ kind: 'deleted', rowId: second });
  });

  it('names a row inserted outside the chain', async () => {
    await tamper(db, [`insert into audit_events (action, outcome) values ('forged', 'success')`]);
    const finding = (await verifyAuditChain(db)).finding;
    expect(finding).toMatchObject({ kind: 'inserted', chainSeq: null });
  });

  it('names a row spliced into the middle of the chain with a valid hash of its own', async () => {
    await tamper(db, [
      'update audit_events set chain_seq = chain_seq + 1000 where chain_seq >= 5',
      'update audit_events set chain_seq = chain_seq - 999 where chain_seq >= 1005',
      `insert into audit_events (id, at, action, outcome, chain_seq, prev_hash) select 9999, at, 'forged', 'success', 5, hash from audit_events where chain_seq = 4`,
      `update audit_events set hash = audit_events_hash(prev_hash, audit_events_payload(audit_events)) where id = 9999`,
    ]);
    expect((await verifyAuditChain(db)).finding).toMatchObject({ kind: 'inserted', rowId: 9999, chainSeq: 5 });
  });

  it('names reordered rows', async () => {
    const sixth = await idAt(db, 6);
    await tamper(db, [
      'update audit_events set chain_seq = -1 where chain_seq = 5',
      'update audit_events set chain_seq = 5 where chain_seq = 6',
      'update audit_events set chain_seq = 6 where chain_seq = -1',
    ]);
    expect((await verifyAuditChain(db)).finding).toMatchObject({ kind: 'reordered', rowId: sixth, chainSeq: 5 });
  });

  it('with an anchor kept outside the database, names rows deleted from the end and a rewritten chain', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'convene-anchor-')), 'audit-anchors');
    const anchor = await anchorAuditChain(db, file, now);
    expect(anchor).toMatchObject({ seq: 45 });
    expect(readAnchors(file)).toEqual([anchor]);
    expect((await verifyAuditChain(db, { anchors: readAnchors(file) })).ok).toBe(true);

    await tamper(db, ['delete from audit_events where chain_seq >= 44']);
    expect((await verifyAuditChain(db)).ok).toBe(true); // undetectable from inside alone
    expect((await verifyAuditChain(db, { anchors: readAnchors(file) })).finding).toMatchObject({ kind: 'deleted', chainSeq: 45 });
  });

  it('recomputes the same hash as the database does', async () => {
    const r = (await db.execute(sql`select prev_hash, hash, audit_events_payload(audit_events) as payload from audit_events where chain_seq = 3`)) as unknown as {
      rows: { prev_hash: string; hash: string; payload: string }[];
    };
    const row = r.rows[0]!;
    expect(chainHash(row.prev_hash, row.payload)).toBe(row.hash);
  });
});

// A home page audits every child it lists in one statement, and a commit seals all its rows in one
// pass: each transaction's rows must still take consecutive places in the order they were written.
describeEachEngine('audit hash chain, many rows a transaction', (engine) => {
  const suite = suiteDatabase(engine);

  it('seals each transaction’s rows together, in the order written, and the chain verifies', async () => {
    const db = suite.db();
    await Promise.all(
      Array.from({ length: 12 }, (_, t) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, systemContext(now), { action: 'first', details: { t, k: 0 } });
          await insertAuditRows(tx, Array.from({ length: 25 }, (_, k) => auditRow(systemContext(now), { action: 'listed', reason: k === 3 ? 'ünïcødé, “quotes”, {braces} and \\ back\nslash' : null, details: { t, k: k + 1 } })));
          await recordAudit(tx, systemContext(now), { action: 'last', details: { t, k: 26 } });
        }),
      ),
    );
    const rows = ((await db.execute(sql`select chain_seq, details from audit_events order by chain_seq`)) as unknown as { rows: { chain_seq: string; details: { t: number; k: number } }[] }).rows;
    expect(rows).toHaveLength(12 * 27);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 12 * 27 }, (_, i) => i + 1));
    for (let at = 0; at < rows.length; at += 27) {
      const block = rows.slice(at, at + 27).map((r) => r.details);
      expect(new Set(block.map((d) => d.t)).size).toBe(1);
      expect(block.map((d) => d.k)).toEqual(Array.from({ length: 27 }, (_, k) => k));
    }
    // Every field as written, nulls and awkward text included.
    const listed = ((await db.execute(sql`select at, user_id, action, reason, outcome, child_id from audit_events where action = 'listed' and (details->>'k')::int = 4`)) as unknown as { rows: { at: Date | string; user_id: string | null; reason: string | null; outcome: string; child_id: string | null }[] }).rows;
    expect(listed).toHaveLength(12);
    expect(listed.every((r) => r.reason === 'ünïcødé, “quotes”, {braces} and \\ back\nslash' && r.outcome === 'success' && r.user_id === null && r.child_id === null)).toBe(true);
    expect(new Date(listed[0]!.at).toISOString()).toBe(now.toISOString());
    const report = await verifyAuditChain(db);
    expect(report.finding).toBeNull();
    expect(report.rowsChecked).toBe(12 * 27);
  });
});

describeEachEngine('audit hash chain, rows written after a commit-time seal', (engine) => {
  const suite = suiteDatabase(engine);

  it('seals rows written after the chain was sealed early in the transaction (SET CONSTRAINTS ... IMMEDIATE), and rows of a rolled-back savepoint stay out', async () => {
    const db = suite.db();
    await recordAudit(db, systemContext(now), { action: 'before' });
    await db.transaction(async (tx) => {
      await insertAuditRows(tx, Array.from({ length: 5 }, (_, k) => auditRow(systemContext(now), { action: 'early', details: { k } })));
      // Seals now: the pass notes the highest id it sealed.
      await tx.execute(sql`set constraints all immediate`);
      await tx.execute(sql`set constraints all deferred`);
      await insertAuditRows(tx, Array.from({ length: 3 }, (_, k) => auditRow(systemContext(now), { action: 'later', details: { k } })));
      await tx.transaction(async (savepoint) => {
        await recordAudit(savepoint, systemContext(now), { action: 'in-savepoint' });
        await savepoint.execute(sql`set constraints all immediate`);
        savepoint.rollback();
      }).catch(() => undefined);
      await recordAudit(tx, systemContext(now), { action: 'last' });
    });
    const rows = ((await db.execute(sql`select action, chain_seq, hash from audit_events order by id`)) as unknown as { rows: { action: string; chain_seq: string | null; hash: string | null }[] }).rows;
    expect(rows.map((r) => r.action)).toEqual(['before', 'early', 'early', 'early', 'early', 'early', 'later', 'later', 'later', 'last']);
    expect(rows.every((r) => r.hash !== null)).toBe(true);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const report = await verifyAuditChain(db);
    expect(report.finding).toBeNull();
    expect(report.rowsChecked).toBe(10);
  });
});

describe('anchor file', () => {
  it('refuses a line that is not an anchor', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'convene-anchor-')), 'bad');
    fs.writeFileSync(file, 'hello world\n');
    expect(() => readAnchors(file)).toThrow(/not an anchor line/);
  });
});
