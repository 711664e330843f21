import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { ActionContext } from '../shared/action-context.js';
import type { CensusFailure } from '../../domain/census/validate.js';
import { censusYearAskedFor, exportCensus, type CensusExportInput } from './export-census.js';

/** What the report shows; the file itself is made again on download, so it is not held here. */
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
 * asks again for the page. Kept in this process's memory only: a check is quick to run again, and
 * its report (which names children) is never written anywhere.
 */
export interface CensusExportJob {
  id: string;
  ownerId: string | null;
  input: CensusExportInput;
  state: 'running' | 'finished' | 'failed';
  checked: number;
  /** Children in the year; null while the records are being read. */
  total: number | null;
  result: CensusReport | null;
  /** Why a failed job stopped, for the server log (never shown: it may name records). */
  error: unknown;
  /** Settles when the job does, whatever happened (for tests and shutdown). */
  settled: Promise<void>;
}

const jobs = new Map<string, CensusExportJob>();
/** The newest jobs kept; older ones are forgotten (their pages then say to check again). */
const KEPT = 20;

/** Starts the check and returns its id at once; a bad reference date or LA code is refused first, on its field. */
export function startCensusExport(db: Database, context: ActionContext, input: CensusExportInput): string {
  censusYearAskedFor(input);
  const id = randomUUID();
  const job: CensusExportJob = { id, ownerId: context.actor?.id ?? null, input, state: 'running', checked: 0, total: null, result: null, error: null, settled: Promise.resolve() };
  job.settled = exportCensus(db, context, input, (checked, total) => {
    job.checked = checked;
    job.total = total;
  }).then(
    (result) => {
      job.result = { referenceDate: result.referenceDate, childCount: result.children.length, failures: result.failures, errors: result.errors, queries: result.queries };
      job.state = 'finished';
    },
    (error: unknown) => {
      // The page says it stopped and offers to run it again; the error itself goes to the server log.
      job.error = error;
      job.state = 'failed';
    },
  );
  jobs.set(id, job);
  for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT))) jobs.delete(old);
  return id;
}

/** The job, only for the person who started it (its result names children). */
export function censusExportJob(id: string, actorId: string | null | undefined): CensusExportJob | null {
  const job = jobs.get(id);
  return job && job.ownerId !== null && job.ownerId === actorId ? job : null;
}
