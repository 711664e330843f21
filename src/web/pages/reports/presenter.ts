import { AGENCY_LABELS } from '../../../domain/conference/agencies.js';
import { formatDate, formatDateTime, type Deadline } from '../../../domain/deadlines/index.js';
import { REPORT_KIND_LABELS, type ReportKind } from '../../../domain/reports/headings.js';
import { REPORT_STATE_LABELS, type ReportState } from '../../../domain/reports/report-deadlines.js';
import type { Readiness } from '../../../domain/reports/readiness.js';

export const STATE_TAG: Record<ReportState, string> = {
  awaited: 'govuk-tag--grey',
  received: 'govuk-tag--blue',
  shared: 'govuk-tag--green',
  late: 'govuk-tag--orange',
  missing: 'govuk-tag--red',
};

export function dueText(d: Deadline | null): string {
  if (!d) return 'No date in this area’s procedure';
  const when = d.due.kind === 'date' ? formatDate(d.due.date) : formatDateTime(d.due.dateTime);
  return `${when} (${d.ruleId})`;
}


export function readinessRows(readiness: Readiness) {
  return readiness.rows.map((row) => ({
    who: row.expected.who,
    kind: REPORT_KIND_LABELS[row.expected.kind],
    toChair: dueText(row.deadlines.toChair),
    toFamily: dueText(row.deadlines.toFamily),
    ts16: row.deadlines.ts16,
    state: row.state,
    stateLabel: REPORT_STATE_LABELS[row.state],
    stateTag: STATE_TAG[row.state],
    reportId: row.report?.id ?? null,
    expected: row.expected,
  }));
}

export const ANSWER_LABELS = { attending: 'Attending', apologies: 'Sent apologies', 'no-answer': 'No answer yet' } as const;

export function forecastRows(readiness: Readiness) {
  return readiness.forecasts.map((f) => ({
    name: f.name,
    confirmed: f.confirmed,
    ifAllCome: f.ifAllCome,
    agencies: f.confirmed.agencies.map((a) => `${a.label}${a.counts ? '' : ' (not counted)'}`),
  }));
}

export function kindLabel(kind: string): string {
  return REPORT_KIND_LABELS[kind as ReportKind] ?? kind;
}

export function agencyLabel(agency: string | null): string {
  return agency && agency in AGENCY_LABELS ? AGENCY_LABELS[agency as keyof typeof AGENCY_LABELS] : '';
}
