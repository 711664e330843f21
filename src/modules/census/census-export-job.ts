import { randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { censusChecks } from '../../db/schema/index.js';
import type { CensusFailure } from '../../domain/census/validate.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { censusYearAskedFor, exportCensus, type CensusExportInput } from './export-census.js';

/** What the report shows; the file itself is made again on download, so it is not kept. */
export interface CensusReport {
  referenceDate: string;
  childCount: number;
  failures: CensusFailure[];
  errors: number;
  queries: number;
}

/**
 * A census check running in the background, so the page can say how far it has got ("n of m
 * children") while a large authority's year is read and checked, with no JavaScript: the person
 * asks again for the page. Its state and report are kept in the database (census_checks), so the
 * page works on whichever instance answers, and a restart does not lose a finished report. The
 * report names children: it is kept a day at most (`expiresAt`), then never shown and deleted by
 * the job housekeeping.
 */
export interface CensusCheck {
  id: string;
  referenceDate: string;
  laCode: string;
  /** `stopped`: it was running on an instance that has not reported progress for a while (it stopped or restarted). */
  state: 'running' | 'finished' | 'failed' | 'stopped';
  checked: number;
  /** Children in the year; null while the records are being read. */
  total: number | null;
  result: CensusReport | null;
}

/** How long a report (which names children) is kept. */
export const KEEP_CENSUS_CHECK_MS = 24 * 60 * 60 * 1000;
/** A running check writes its progress at least this often (each chunk of children it checks), or it is taken to have stopped. */
export const CENSUS_CHECK_SILENT_MS = 10 * 60 * 1000;
/** Progress is written every this many children checked (and when the count of children is known, and at the end). */
export const PROGRESS_EVERY = 500;

/** This process, as the running instance is named on the row (for an operator reading the table; never shown). */
const INSTANCE = `${process.pid}-${randomUUID().slice(0, 8)}`;

export interface StartedCensusCheck {
  id: string;
  /** Settles when the check does, whatever happened (for tests and shutdown). */
  settled: Promise<void>;
}

/**
 * Starts the check and returns its id at once; a bad reference date or LA code is refused first,
 * on its field. The start is audited; the export's own audit records the figures when it ends.
 */
export async function startCensusExport(db: Database, context: ActionContext, input: CensusExportInput, clock: () => Date = () => context.now): Promise<StartedCensusCheck> {
  censusYearAskedFor(input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(censusChecks).values({
      ownerId: context.actor?.id ?? null, referenceDate: input.referenceDate, laCode: input.laCode, state: 'running',
      runningBy: INSTANCE, heartbeatAt: clock(), startedAt: context.now, expiresAt: new Date(context.now.getTime() + KEEP_CENSUS_CHECK_MS),
    }).returning({ id: censusChecks.id });
    await recordAudit(tx, context, { action: 'census-check-started', recordType: 'census-check', recordId: row!.id, details: { referenceDate: input.referenceDate, laCode: input.laCode } });
    return row!.id;
  });
  let written = -1;
  const progress = async (checked: number, total: number | null) => {
    // The first count, then every PROGRESS_EVERY children, and the last: a few writes however large the year.
    if (total !== null && written >= 0 && checked < total && checked - written < PROGRESS_EVERY) return;
    written = total === null ? -1 : checked;
    await db.update(censusChecks).set({ checked, total, heartbeatAt: clock() }).where(eq(censusChecks.id, id));
  };
  const settled = exportCensus(db, context, input, progress).then(
    async (result) => {
      const report: CensusReport = { referenceDate: result.referenceDate, childCount: result.children.length, failures: result.failures, errors: result.errors, queries: result.queries };
      await db.update(censusChecks).set({ state: 'finished', checked: result.children.length, total: result.children.length, report: { ...report }, heartbeatAt: clock(), finishedAt: clock() })
        .where(eq(censusChecks.id, id));
    },
    async () => {
      // The page says it stopped and offers to run it again; the error itself may name records, so it is not kept.
      await db.update(censusChecks).set({ state: 'failed', heartbeatAt: clock(), finishedAt: clock() }).where(eq(censusChecks.id, id));
    },
  ).catch(() => {
    // The database went away under it (the instance is shutting down): a reader sees it as stopped.
  });
  return { id, settled };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The check, only for the person who started it (its report names children), and only for a day;
 * from any instance. Reading a finished report is audited as a read of the children it names.
 */
export async function censusExportJob(db: Database, context: ActionContext, id: string, now: Date = context.now): Promise<CensusCheck | null> {
  const actorId = context.actor?.id;
  if (!actorId || !UUID.test(id)) return null;
  const [row] = await db.select().from(censusChecks).where(and(eq(censusChecks.id, id), eq(censusChecks.ownerId, actorId)));
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  const silent = row.state === 'running' && (row.heartbeatAt?.getTime() ?? row.startedAt.getTime()) < now.getTime() - CENSUS_CHECK_SILENT_MS;
  const result = row.state === 'finished' ? (row.report as unknown as CensusReport) : null;
  if (result) {
    await recordAudit(db, context, { action: 'census-check-viewed', recordType: 'census-check', recordId: id, details: { referenceDate: row.referenceDate, children: result.childCount, failures: result.failures.length } });
  }
  return {
    id: row.id, referenceDate: row.referenceDate, laCode: row.laCode, state: silent ? 'stopped' : (row.state as CensusCheck['state']),
    checked: row.checked, total: row.total, result,
  };
}

/** The retention sweep: census checks over a day old go, report and all (run by the job housekeeping). */
export async function pruneCensusChecks(db: Database, now: Date): Promise<number> {
  const rows = await db.delete(censusChecks).where(lt(censusChecks.expiresAt, now)).returning({ id: censusChecks.id });
  return rows.length;
}
