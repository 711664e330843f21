/**
 * The five procedure files (../shared/procedures), by the short code RULES.md uses.
 * Citations are built here so that a file name is spelt in exactly one place.
 */
export const PROCEDURE_FILES = {
  '000': '000_94fab553c2db9a47.txt', // Hertfordshire 4.4.1
  '001': '001_fcf727783d989d19.txt', // Stoke-on-Trent and Staffordshire practice guidance
  '002': '002_61563a3284bb8811.txt', // Pan-Dorset chapter 2 (carries Working Together 2010)
  '003': '003_16eb1834ae885591.txt', // Nottinghamshire (2024)
  '004': '004_4d62ad76775b45eb.txt', // Newcastle core standards (2010)
} as const;

export type ProcedureCode = keyof typeof PROCEDURE_FILES;

/**
 * A citation: file name, then the locator. Locators: `§ N Heading` for 000 (numbered
 * sections), paragraph numbers for 002 and 004, headings for 001, and a short description
 * of the passage for 003, whose stored text has lost its headings.
 */
export function cite(code: ProcedureCode, locator: string): string {
  return `${PROCEDURE_FILES[code]} ${locator}`;
}

export const herts = (locator: string): string => cite('000', locator);
export const staffs = (locator: string): string => cite('001', locator);
export const dorset = (locator: string): string => cite('002', locator);
export const notts = (locator: string): string => cite('003', locator);
export const newcastle = (locator: string): string => cite('004', locator);
