/**
 * RG2 (`000` § 11; `002` 2.154): before any answer the enquirer's call-back number is checked
 * against the numbers the authority recognises. Numbers are compared in one national form, so
 * "+44 1632 960000", "01632 960000" and "(01632) 960-000" are the same line.
 */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  const national = digits.startsWith('+44') ? `0${digits.slice(3)}` : digits.startsWith('0044') ? `0${digits.slice(4)}` : digits;
  // UK numbers are 10 or 11 digits with the leading 0; 999/101-style short codes are not call-back numbers.
  return /^0\d{9,10}$/.test(national) ? national : null;
}

export interface RecognisedLine {
  id: string;
  agency: string;
  phone: string;
  active: boolean;
}

export type CallerCheck =
  | { recognised: true; line: RecognisedLine }
  | { recognised: false; reasonRequired: true };

/** Recognised only by an active entry for the same number; anything else needs a stated reason. */
export function checkCaller(directory: readonly RecognisedLine[], phone: string): CallerCheck {
  const line = directory.find((l) => l.active && l.phone === phone);
  return line ? { recognised: true, line } : { recognised: false, reasonRequired: true };
}

/** Spaces a national number for reading aloud: 01632 960000, 020 7946 0000. */
export function formatPhone(phone: string): string {
  if (/^02\d{9}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (/^0\d{10}$/.test(phone)) return `${phone.slice(0, 5)} ${phone.slice(5)}`;
  return phone;
}
