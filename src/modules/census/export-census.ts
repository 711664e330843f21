import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { censusYear, type CensusChild } from '../../domain/census/census-model.js';
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

const between = (calendar: WorkingCalendar) => (from: string, to: string) => calendar.workingDaysBetween(Temporal.PlainDate.from(from), Temporal.PlainDate.from(to));

/**
 * The CIN census return for the year ending on the reference date, with the Department's checks
 * run over it first. Audited as an export: who, which year, how many children, how many failures.
 */
export async function exportCensus(db: Database, context: ActionContext, input: { referenceDate: string; laCode: string; version: string }): Promise<CensusExport> {
  let year;
  try {
    year = censusYear(input.referenceDate);
  } catch (error) {
    throw new ValidationError([{ field: 'referenceDate', message: (error as Error).message }]);
  }
  if (!/^\d{3}$/.test(input.laCode)) throw new ValidationError([{ field: 'laCode', message: 'Give the authority’s three-digit LA code, as the Department issued it' }]);
  const children = await loadCensus(db, year);
  const failures = validateCensus(children, year, between(await workingCalendar(db)));
  const xml = censusXml(children, year, { laCode: input.laCode, softwareVersion: input.version, serialNo: 1, generatedAt: context.now.toISOString() });
  const errors = failures.filter((f) => f.severity === 'error').length;
  await recordAudit(db, context, {
    action: 'census-exported', recordType: 'census', details: { referenceDate: year.referenceDate, children: children.length, errors, queries: failures.length - errors },
  });
  return { referenceDate: year.referenceDate, children, failures, errors, queries: failures.length - errors, xml };
}
