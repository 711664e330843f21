import { Temporal } from 'temporal-polyfill';

export interface PersonDates {
  kind: 'child' | 'adult';
  unborn: boolean;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
}

export interface Problem {
  field: string;
  message: string;
}

/**
 * UB1 and the census: a child has exactly one of a date of birth or an expected date of delivery;
 * neither is impossible (a birth in the future, a delivery date long past or too far ahead).
 */
export function checkPersonDates(p: PersonDates, today: Temporal.PlainDate, isNew: boolean): Problem[] {
  const problems: Problem[] = [];
  if (p.kind === 'child' && p.unborn) {
    if (!p.expectedDeliveryDate) problems.push({ field: 'expectedDeliveryDate', message: 'Enter the expected date of delivery for an unborn child' });
    if (p.dateOfBirth) problems.push({ field: 'dateOfBirth', message: 'An unborn child has no date of birth yet: record the birth when the baby is born' });
    if (p.expectedDeliveryDate && isNew) {
      const edd = Temporal.PlainDate.from(p.expectedDeliveryDate);
      if (Temporal.PlainDate.compare(edd, today.subtract({ weeks: 2 })) < 0) {
        problems.push({ field: 'expectedDeliveryDate', message: 'That expected date of delivery has passed: if the baby is born, record the child with a date of birth' });
      } else if (Temporal.PlainDate.compare(edd, today.add({ months: 10 })) > 0) {
        problems.push({ field: 'expectedDeliveryDate', message: 'The expected date of delivery must be within the next 10 months' });
      }
    }
    return problems;
  }
  if (!p.dateOfBirth) {
    if (p.kind === 'child') problems.push({ field: 'dateOfBirth', message: 'Enter the child’s date of birth, or say the child is not born yet' });
  } else if (Temporal.PlainDate.compare(Temporal.PlainDate.from(p.dateOfBirth), today) > 0) {
    problems.push({ field: 'dateOfBirth', message: 'Date of birth must be today or in the past' });
  }
  if (p.kind === 'adult' && p.expectedDeliveryDate) problems.push({ field: 'expectedDeliveryDate', message: 'Only an unborn child has an expected date of delivery' });
  return problems;
}

/** UB1 at birth: the birth date is not in the future and falls near the expected date. */
export function checkBirth(expectedDeliveryDate: string | null, dateOfBirth: string, today: Temporal.PlainDate): Problem[] {
  const born = Temporal.PlainDate.from(dateOfBirth);
  if (Temporal.PlainDate.compare(born, today) > 0) return [{ field: 'dateOfBirth', message: 'Date of birth must be today or in the past' }];
  if (expectedDeliveryDate) {
    const edd = Temporal.PlainDate.from(expectedDeliveryDate);
    if (Math.abs(born.since(edd).total({ unit: 'days' })) > 20 * 7) {
      return [{ field: 'dateOfBirth', message: 'That date is more than 20 weeks from the expected date of delivery: check it' }];
    }
  }
  return [];
}

/** Census LAchildID: at most 20 letters and digits. */
export function isValidLaChildId(value: string): boolean {
  return /^[A-Za-z0-9]{1,20}$/.test(value);
}

/** CV8: a family with pre-settled status is signposted when 5 years' continuous residence is reached. */
export function euSettlementPrompt(status: string | null): string | null {
  return status === 'pre-settled'
    ? 'Pre-settled status: signpost the family to apply for settled status when they reach 5 years’ continuous residence.'
    : null;
}
