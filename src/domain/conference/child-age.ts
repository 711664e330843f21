import { Temporal } from 'temporal-polyfill';

/** DC8: an unborn child, or a child not yet five on the conference date. */
export function isUnderFive(dateOfBirth: string | null, expectedDeliveryDate: string | null, on: string): boolean {
  if (!dateOfBirth) return expectedDeliveryDate !== null;
  const fifth = Temporal.PlainDate.from(dateOfBirth).add({ years: 5 });
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(on), fifth) < 0;
}
