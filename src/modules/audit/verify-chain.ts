import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';

/**
 * Checks the audit trail's hash chain (migration 0012) without trusting the database's own
 * functions: the payload and hash are recomputed here from the columns' text. The first fault
 * found in chain order is named:
 * - edited: a row whose content no longer matches its hash (or whose hash was replaced);
 * - deleted: a row (or rows) before this one is missing from the chain;
 * - inserted: a row that was not in the chain as written (outside it, or spliced into it);
 * - reordered: rows whose positions in the chain were swapped.
 * With an anchor file (`audit anchor`), a chain cut short or rewritten from some row to the end
 * is caught too: the anchored position must still carry the anchored hash.
 */
export type FindingKind = 'edited' | 'deleted' | 'inserted' | 'reordered';

export interface ChainFinding {
  kind: FindingKind;
  /** The row named (for deleted: the first row after the gap, or null when the tail is gone). */
  rowId: number | null;
  chainSeq: number | null;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  rowsChecked: number;
  lastSeq: number | null;
  lastHash: string | null;
  finding: ChainFinding | null;
}

interface ChainRow {
  id: string;
  chain_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  f_at: string;
  f_user_id: string | null;
  username: string | null;
  role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  f_child_id: string | null;
  outcome: string;
  reason: string | null;
  request_id: string | null;
  address: string | null;
  f_details: string | null;
}

const field = (value: string | null): string => (value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`);

export function rowPayload(r: ChainRow): string {
  return [r.id, r.f_at, r.f_user_id, r.username, r.role, r.action, r.record_type, r.record_id, r.f_child_id, r.outcome, r.reason, r.request_id, r.address, r.f_details]
    .map(field)
    .join('|');
}

export function chainHash(prev: string | null, payload: string): string {
  return createHash('sha256').update(`${prev ?? ''}\n${payload}`, 'utf8').digest('hex');
}

const COLUMNS = sql.raw(`id::text as id, chain_seq::text as chain_seq, prev_hash, hash,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as f_at, user_id::text as f_user_id, username, role, action,
  record_type, record_id, child_id::text as f_child_id, outcome, reason, request_id, address, details::text as f_details`);

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function rowWithHash(db: Queryable, hash: string): Promise<{ id: number; seq: number } | null> {
  const [r] = await rows<{ id: string; chain_seq: string }>(db, sql`select id::text as id, chain_seq::text as chain_seq from audit_events where hash = ${hash} limit 1`);
  return r ? { id: Number(r.id), seq: Number(r.chain_seq) } : null;
}

async function rowAtSeq(db: Queryable, seq: number): Promise<number | null> {
  const [r] = await rows<{ id: string }>(db, sql`select id::text as id from audit_events where chain_seq = ${seq}`);
  return r ? Number(r.id) : null;
}

export interface Anchor {
  at: string;
  seq: number;
  hash: string;
}

const BATCH = 2000;

export async function verifyAuditChain(db: Queryable, options: { anchors?: Anchor[] } = {}): Promise<ChainReport> {
  let prev = null as { id: number; seq: number; hash: string } | null;
  let checked = 0;
  const report = (finding: ChainFinding | null): ChainReport => ({ ok: finding === null, rowsChecked: checked, lastSeq: prev?.seq ?? null, lastHash: prev?.hash ?? null, finding });

  for (;;) {
    const after: number = prev?.seq ?? 0;
    const batch: ChainRow[] = await rows<ChainRow>(db, sql`select ${COLUMNS} from audit_events where chain_seq > ${after} order by audit_events.chain_seq limit ${BATCH}`);
    if (batch.length === 0) break;
    for (const r of batch) {
      const id = Number(r.id);
      const seq = Number(r.chain_seq);
      checked += 1;
      if (r.hash === null || chainHash(r.prev_hash, rowPayload(r)) !== r.hash) {
        return report({ kind: 'edited', rowId: id, chainSeq: seq, message: `row ${id} (chain position ${seq}) was changed after it was written: its content does not match its hash` });
      }
      const expectedPrev = prev?.hash ?? null;
      if (r.prev_hash !== expectedPrev) {
        const linked = r.prev_hash ? await rowWithHash(db, r.prev_hash) : null;
        if (linked && linked.seq > seq) {
          return report({ kind: 'reordered', rowId: id, chainSeq: seq, message: `row ${id} (chain position ${seq}) was moved: it follows row ${linked.id}, which now stands after it` });
        }
        if (linked && prev && linked.seq < prev.seq) {
          const firstSpliced = await rowAtSeq(db, linked.seq + 1);
          return report({
            kind: 'inserted',
            rowId: firstSpliced,
            chainSeq: linked.seq + 1,
            message: `row ${firstSpliced ?? '?'} (chain position ${linked.seq + 1}) was inserted: row ${id} was written straight after row ${linked.id}`,
          });
        }
        if (!linked && prev && seq === prev.seq + 1 && r.prev_hash !== null) {
          return report({ kind: 'edited', rowId: prev.id, chainSeq: prev.seq, message: `row ${prev.id} (chain position ${prev.seq}) was replaced: row ${id} was written after a different row` });
        }
        return report({
          kind: 'deleted',
          rowId: id,
          chainSeq: seq,
          message: `row(s) deleted before row ${id} (chain position ${seq}): the row it was written after is gone`,
        });
      }
      if (prev && seq !== prev.seq + 1) {
        return report({ kind: 'edited', rowId: id, chainSeq: seq, message: `row ${id}'s chain position was changed (${seq} where ${prev.seq + 1} was expected)` });
      }
      prev = { id, seq, hash: r.hash };
    }
  }
  const [outside] = await rows<{ id: string }>(db, sql`select id::text as id from audit_events where chain_seq is null or hash is null order by audit_events.id limit 1`);
  if (outside) {
    return report({ kind: 'inserted', rowId: Number(outside.id), chainSeq: null, message: `row ${outside.id} was inserted outside the chain (written with the seal switched off)` });
  }

  for (const anchor of options.anchors ?? []) {
    const [at] = await rows<{ id: string; hash: string | null }>(db, sql`select id::text as id, hash from audit_events where chain_seq = ${anchor.seq}`);
    if (!at) {
      return report({
        kind: 'deleted',
        rowId: null,
        chainSeq: anchor.seq,
        message: `the chain ends at position ${prev?.seq ?? 0}, but on ${anchor.at} it reached position ${anchor.seq}: rows were deleted from the end`,
      });
    }
    if (at.hash !== anchor.hash) {
      return report({
        kind: 'edited',
        rowId: Number(at.id),
        chainSeq: anchor.seq,
        message: `row ${at.id} (chain position ${anchor.seq}) does not carry the hash anchored on ${anchor.at}: the chain was rewritten up to here`,
      });
    }
  }
  return report(null);
}

/** Reads an anchor file: one `time seq hash` line per anchoring, the latest last. */
export function readAnchors(file: string): Anchor[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [at, seq, hash] = line.split(/\s+/);
      if (!at || !seq || !/^\d+$/.test(seq) || !hash || !/^[0-9a-f]{64}$/.test(hash)) throw new Error(`${file}: not an anchor line: ${line.slice(0, 80)}`);
      return { at, seq: Number(seq), hash };
    });
}

/** Appends the latest chain position and hash, with the time, to a file outside the database. */
export async function anchorAuditChain(db: Queryable, file: string, now: Date): Promise<Anchor | null> {
  const [last] = await rows<{ chain_seq: string; hash: string }>(db, sql`select chain_seq::text as chain_seq, hash from audit_events where chain_seq is not null order by audit_events.chain_seq desc limit 1`);
  if (!last) return null;
  const anchor = { at: now.toISOString(), seq: Number(last.chain_seq), hash: last.hash };
  fs.appendFileSync(file, `${anchor.at} ${anchor.seq} ${anchor.hash}\n`, { mode: 0o600 });
  return anchor;
}
