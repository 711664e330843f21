import { DUE_STATUS_LABELS, type DueStatus } from '../../../domain/front-door/timings.js';

const TAG_CLASSES: Record<DueStatus, string> = {
  met: 'govuk-tag--green',
  'met-late': 'govuk-tag--orange',
  overdue: 'govuk-tag--red',
  'due-today': 'govuk-tag--yellow',
  'due-later': 'govuk-tag--blue',
};

/** What a template needs to show a due date's state as a GOV.UK tag. */
export function dueTag(status: DueStatus): { text: string; classes: string; status: DueStatus } {
  return { text: DUE_STATUS_LABELS[status], classes: TAG_CLASSES[status], status };
}
