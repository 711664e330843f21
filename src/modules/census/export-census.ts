import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { censusYear, type CensusChild, type CensusYear } from '../../domain/census/census-model.js';
import { censusXml } from '../../domain/census/census-xml.js';
import { validateCensus, type CensusFailure } from '../../domain/census/validate.js';
import { recordAudit } from '../audit/record-audit.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { loadCensus } from './load-census.js';

export interface CensusExport {
  referenceDate: string;
  children: CensusChild[];
  failures: CensusFailure[];
  errors: number;
  queries: number;
  xml: string;
}

/** How far an export has got: children checked of those in the year (`total` is null while the records are read); the export waits for what it returns. */
export type CensusProgress = (checked: number, total: number | null) => void | Promise<void>;

export interface CensusExportInput {
  referenceDate: string;
  laCode: string;
  version: string;
}

/** Children checked between progress reports; each check is per child, so a chunk at a time gives the same failures. */
const CHUNK = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The census year asked for, or the field-level refusal (a reference date that is not 31 March, an LA code that is not three digits). */
export function censusYearAskedFor(input: CensusExportInput): CensusYear {
  let year;
  try {
    year = censusYear(input.referenceDate);
  } catch (error) {
    throw new ValidationError([{ field: 'referenceDate', message: (error as Error).message }]);
  }
  if (!/^\d{3}$/.test(input.laCode)) throw new ValidationError([{ field: 'laCode', message: 'Give the authority’s three-digit LA code, as the Department issued it' }]);
  return year;
}

const between = (calendar: WorkingCalendar) => (from: string, to: string) => calendar.workingDaysBetween(Temporal.PlainDate.from(from), Temporal.PlainDate.from(to));

/**
 * The CIN census return for the year ending on the reference date, with the Department's checks
 * run over it first. Audited as an export: who, which year, how many children, how many failures.
 */
export async function exportCensus(db: Database, context: ActionContext, input: CensusExportInput, onProgress?: CensusProgress): Promise<CensusExport> {
  const year = censusYearAskedFor(input);
  await onProgress?.(0, null);
  const children = await loadCensus(db, year);
  const workingDays = between(await workingCalendar(db));
  const failures: CensusFailure[] = [];
  await onProgress?.(0, children.length);
  for (let from = 0; from < children.length; from += CHUNK) {
    failures.push(...validateCensus(children.slice(from, from + CHUNK), year, workingDays));
    if (onProgress) {
      await onProgress(Math.min(from + CHUNK, children.length), children.length);
      // Let the page that shows the progress be served between chunks.
      await nextTurn();
    }
  }
  const xml = censusXml(children, year, { laCode: input.laCode, softwareVersion: input.version, serialNo: 1, generatedAt: context.now.toISOString() });
  const errors = failures.filter((f) => f.severity === 'error').length;
  await recordAudit(db, context, {
    action: 'census-exported', recordType: 'census', details: { referenceDate: year.referenceDate, children: children.length, errors, queries: failures.length - errors },
  });
  return { referenceDate: year.referenceDate, children, failures, errors, queries: failures.length - errors, xml };
}
