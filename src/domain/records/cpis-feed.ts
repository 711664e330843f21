import { formatNhsNumber, isValidNhsNumber } from './nhs-number.js';

/**
 * The Child Protection Information Sharing (CP-IS) feed the authority uploads so that health's
 * unscheduled care settings see which children are on a plan: one row for each plan that started
 * or ended in the window, with the NHS number CP-IS matches on. A child with no valid NHS number
 * cannot be matched, so is listed for someone to find it, never sent.
 */
export interface CpisPlanFact {
  personId: string;
  nhsNumber: string | null;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  planStart: string;
  planEnd: string | null;
}

export interface CpisRow {
  event: 'plan-started' | 'plan-ended';
  eventDate: string;
  nhsNumber: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  planStart: string;
  planEnd: string;
  authority: string;
  authorityContact: string;
}

export interface CpisFeed {
  rows: CpisRow[];
  missingNhsNumber: { personId: string; name: string; event: CpisRow['event']; eventDate: string }[];
}

export function cpisFeed(plans: readonly CpisPlanFact[], window: { from: string; to: string }, authority: { name: string; contact: string }): CpisFeed {
  const rows: CpisRow[] = [];
  const missingNhsNumber: CpisFeed['missingNhsNumber'] = [];
  const inWindow = (d: string | null): d is string => d !== null && d >= window.from && d <= window.to;
  for (const p of plans) {
    const events: [CpisRow['event'], string][] = [];
    if (inWindow(p.planStart)) events.push(['plan-started', p.planStart]);
    if (inWindow(p.planEnd)) events.push(['plan-ended', p.planEnd]);
    for (const [event, eventDate] of events) {
      if (!p.nhsNumber || !isValidNhsNumber(p.nhsNumber)) {
        missingNhsNumber.push({ personId: p.personId, name: `${p.givenNames} ${p.familyName}`.trim(), event, eventDate });
        continue;
      }
      rows.push({
        event, eventDate, nhsNumber: formatNhsNumber(p.nhsNumber), givenNames: p.givenNames, familyName: p.familyName,
        dateOfBirth: p.dateOfBirth ?? p.expectedDateOfBirth ?? '', planStart: p.planStart, planEnd: p.planEnd ?? '',
        authority: authority.name, authorityContact: authority.contact,
      });
    }
  }
  rows.sort((a, b) => (a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : a.familyName.localeCompare(b.familyName)));
  return { rows, missingNhsNumber };
}

const CSV_COLUMNS: (keyof CpisRow)[] = ['event', 'eventDate', 'nhsNumber', 'givenNames', 'familyName', 'dateOfBirth', 'planStart', 'planEnd', 'authority', 'authorityContact'];

/** CSV with every field quoted where it must be; a leading = + - @ is neutralised so no spreadsheet runs it. */
export function cpisCsv(rows: readonly CpisRow[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
