/**
 * Every route whose output goes to a family member (RP4: never the confidential section). Parents
 * have no accounts, so family-facing output is what staff download to hand over. A test fetches
 * each of these and checks the confidential text is absent; another checks that every route
 * whose path names a family copy or letter is on this list, so a new one cannot be forgotten.
 */
export const FAMILY_FACING_ROUTES = [
  { name: 'family copy of a report (PDF)', path: '/reports/:id/family-copy.pdf', param: 'reportId' },
  { name: 'exclusion notice letter (PDF)', path: '/exclusions/:id/letter.pdf', param: 'exclusionId' },
] as const;

/** Paths that look family-facing by name: they must be on the list above. */
export const FAMILY_FACING_PATTERN = /family-copy|letter/;
