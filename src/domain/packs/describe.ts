import { isDuration, type Duration, type TsParameter } from './types.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function withQualifier(text: string, qualifier: string | undefined): string {
  return qualifier ? `${text} (${qualifier})` : text;
}

/** The bare amount: "15 working days", "2 days", "24 hours", "4 weeks", "3 months". */
export function amountText(d: Duration): string {
  switch (d.unit) {
    case 'workingDays':
      return plural(d.n, 'working day', 'working days');
    case 'calendarDays':
      return plural(d.n, 'day', 'days');
    case 'hours':
      return plural(d.n, 'hour', 'hours');
    case 'weeks':
      return plural(d.n, 'week', 'weeks');
    case 'months':
      return plural(d.n, 'month', 'months');
  }
}

function durationText(d: Duration): string {
  const amount = amountText(d);
  if (d.unit === 'workingDays' && d.dayOne) return `${amount} (day 1 = decision day)`;
  if (d.unit === 'weeks' && d.shorterMayBeSet) return `at most ${amount}`;
  if (d.unit === 'months' && d.bound === 'earliest') return `at least ${amount}`;
  return amount;
}

/** The compact form used where two figures share a line. */
function shortDuration(d: Duration): string {
  switch (d.unit) {
    case 'workingDays':
      return `${d.n} wd`;
    case 'hours':
      return `${d.n} h`;
    default:
      return durationText(d);
  }
}

/** "20 minutes", "1½ hours", "2 hours". */
export function minutesText(minutes: number): string {
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour', 'hours');
  if (minutes > 60 && minutes % 30 === 0) return `${Math.floor(minutes / 60)}½ hours`;
  return plural(minutes, 'minute', 'minutes');
}

/**
 * A short description of a pack's parameter for people comparing packs, e.g.
 * "15 working days (day 1 = decision day)" or "1 wd before an ICPC / 3 wd before a review".
 */
export function describeParameter(p: TsParameter): string {
  if (isDuration(p)) return withQualifier(durationText(p), p.qualifier);
  switch (p.unit) {
    case 'sameDay':
      return withQualifier('the same day', p.qualifier);
    case 'setElsewhere':
      return withQualifier(p.by === 'conference' ? 'set by the conference' : "set by the child's plan", p.qualifier);
    case 'byConferenceType': {
      const initial = withQualifier(shortDuration(p.initial), p.initial.qualifier);
      const review = withQualifier(shortDuration(p.review), p.review.qualifier);
      return withQualifier(`${initial} before an ICPC / ${review} before a review`, p.qualifier);
    }
    case 'gestation':
      return withQualifier(`between ${p.earliestWeeks} and ${p.latestWeeks} weeks of pregnancy`, p.qualifier);
    case 'steps':
      return withQualifier(
        p.steps.map((s, i) => `${i === 0 ? '' : 'then a further '}${durationText(s.limit)} (${s.label})`).join(', '),
        p.qualifier,
      );
    case 'conferenceSlot': {
      const parts: string[] = [];
      if (p.familyMeetsChairMinutesBefore !== undefined) parts.push(`family meets the chair ${minutesText(p.familyMeetsChairMinutesBefore)} before`);
      if (p.professionalsArriveMinutesBefore !== undefined) parts.push(`professionals arrive ${minutesText(p.professionalsArriveMinutesBefore)} before`);
      if (p.lengthMinutes !== undefined) parts.push(`slot of ${minutesText(p.lengthMinutes)}`);
      return withQualifier(parts.join('; '), p.qualifier);
    }
    case 'age':
      return withQualifier(`by the ${p.years}th birthday`, p.qualifier);
    case 'authorisation':
      return withQualifier(`written authorisation by ${p.by}`, p.qualifier);
    case 'note':
      return withQualifier(`“${p.text}”`, p.qualifier);
  }
}
