import { choiceSet } from '../choices.js';

/**
 * CF4: what the chair sets out at the start and makes sure of during the conference, and DC7's
 * reminder of the complaints route. Ticked by the chair on the conference screen.
 */
export const { labels: OPENING_ITEM_LABELS, values: OPENING_ITEMS, is: isOpeningItem } = choiceSet({
  purpose: 'The purpose of the conference is set out',
  agenda: 'The agenda is confirmed',
  confidentiality: 'Everyone is reminded the conference is confidential',
  behaviour: 'Everyone is told that abusive, discriminatory or threatening behaviour will not be accepted',
  roles: 'The role of each person present, family supporters included, is made clear',
  'household-children': 'Every child in the household has been considered, not only the subject children',
  'absent-reports': 'The reports of those not present have been made known',
  'childs-wishes': "The child's wishes and feelings have been set out",
  'complaints-procedure': 'Everyone has been reminded of the complaints procedure',
});
export type OpeningItem = (typeof OPENING_ITEMS)[number];

export function missingOpeningItems(ticked: readonly string[]): OpeningItem[] {
  return OPENING_ITEMS.filter((i) => !ticked.includes(i));
}

/**
 * CF3, CF4: the chair cannot confirm the absent contributors' reports were heard while a report
 * sent by someone absent is not yet marked as presented. Returns the names still to be heard.
 */
export function reportsNotYetHeard(attendance: readonly { name: string; status: string; writtenReportSubmitted: boolean; writtenReportPresented: boolean }[]): string[] {
  return attendance.filter((a) => a.status !== 'present' && a.writtenReportSubmitted && !a.writtenReportPresented).map((a) => a.name);
}

/**
 * DC7 and CO1 in our words: what the chair tells parents who disagree with the decision.
 * The local complaints procedure is named by the authority; this is the route every pack shares.
 */
export const COMPLAINTS_ROUTE =
  'If you disagree with the decision, the category or the plan, you can first talk to the chair, who may meet you. ' +
  "If that does not settle it, you can complain through the authority's complaints procedure, where an inter-agency panel " +
  'looks at it. If your complaint is upheld, the conference may be held again with a different chair. ' +
  'The social worker will give you the leaflet that explains how.';
