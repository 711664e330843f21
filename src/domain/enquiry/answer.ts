import { CATEGORY_LABELS, isCategoryCode } from '../conference/categories.js';
import { formatDate } from '../deadlines/index.js';
import { Temporal } from 'temporal-polyfill';

/**
 * RG3 (`002` note after 2.156): what the enquiry service tells a recognised enquirer about the
 * child they chose. Each sentence comes from one recorded fact; the answer is kept exactly as
 * shown, so what was said can be known later.
 */
export interface EnquiryFacts {
  name: string;
  aliases: string[];
  dateOfBirth: string | null;
  addresses: { text: string; current: boolean }[];
  carers: string[];
  plans: { startDate: string; endDate: string | null; endReason: string | null; categories: string[] }[];
  conferencesWithoutPlan: string[];
  caseOpen: boolean | null;
  keyWorker: string | null;
  dutyNumber: string | null;
  authority: string;
  othersOnPlanAtAddress: number;
}

const day = (iso: string) => formatDate(Temporal.PlainDate.from(iso));
const categories = (codes: string[]) => codes.map((c) => (isCategoryCode(c) ? CATEGORY_LABELS[c].toLowerCase() : c)).join(' and ');

/** Why a plan ended, from the end_reason the plan holds (an ending route, or a conference's decision). */
const END_REASONS: Record<string, string> = {
  'review-conference-decision': 'a review conference decided the child no longer needed one',
  'eighteenth-birthday': 'the young person turned 18',
  death: 'the child died',
  'left-uk': 'the child left the United Kingdom',
  'moved-authority': 'the child moved to another authority, which held its own conference',
  'looked-after-consultation': 'the child is looked after and it ended after written consultation',
  'absent-professional-agreed': 'a conference decided to end it and the absent professional agreed in writing',
};
const endReason = (reason: string | null) => (reason ? (END_REASONS[reason] ?? reason.replaceAll('-', ' ')) : 'no reason was recorded');

export function enquiryAnswer(f: EnquiryFacts): string[] {
  const lines: string[] = [];
  lines.push(`${f.name}${f.dateOfBirth ? `, born ${day(f.dateOfBirth)}` : ', date of birth not recorded'}.`);
  if (f.aliases.length) lines.push(`Also known as ${f.aliases.join(', ')}.`);
  const current = f.addresses.filter((a) => a.current);
  const past = f.addresses.filter((a) => !a.current);
  lines.push(current.length ? `Lives at ${current.map((a) => a.text).join('; ')}.` : 'No current address is recorded.');
  if (past.length) lines.push(`Previously lived at ${past.map((a) => a.text).join('; ')}.`);
  lines.push(f.carers.length ? `Parents or carers recorded: ${f.carers.join(', ')}.` : 'No parents or carers are recorded.');

  const open = f.plans.find((p) => p.endDate === null);
  if (open) {
    lines.push(`On a child protection plan with ${f.authority} since ${day(open.startDate)}, under the category of ${categories(open.categories) || 'a category not recorded'}.`);
  } else {
    lines.push(`Not on a child protection plan with ${f.authority} now.`);
  }
  for (const p of f.plans.filter((x) => x.endDate !== null)) {
    lines.push(`Was on a plan from ${day(p.startDate)} to ${day(p.endDate!)}; it ended because ${endReason(p.endReason)}.`);
  }
  for (const held of f.conferencesWithoutPlan) lines.push(`A child protection conference on ${day(held)} decided that no plan was needed.`);
  if (f.caseOpen === null) lines.push('No case has been opened for this child.');
  else lines.push(`The case is ${f.caseOpen ? 'open' : 'closed'}${f.keyWorker ? `; the key worker is ${f.keyWorker}` : '; no key worker is recorded'}.`);
  if (f.othersOnPlanAtAddress > 0) {
    lines.push(`${f.othersOnPlanAtAddress === 1 ? 'One other child' : `${f.othersOnPlanAtAddress} other children`} at the same address ${f.othersOnPlanAtAddress === 1 ? 'is' : 'are'} on a plan.`);
  }
  lines.push(f.dutyNumber ? `Out of hours, call the duty team on ${f.dutyNumber}.` : 'Out of hours, call the duty team: no number is recorded for it here.');
  return lines;
}
