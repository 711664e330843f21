/**
 * Issue 17: the report link in a partner practitioner's invitation, as plain rules (no clock, no
 * database: `now` is given).
 */

/**
 * The link works until a week after the conference's start. Reports are read at the conference,
 * so the link has no use long after it; a week covers a report sent late and a meeting moved by a
 * few days without a new invitation. A conference moved further is invited again, with a new link.
 */
export const REPORT_LINK_DAYS_AFTER_CONFERENCE = 7;
/** A one-time code works for 10 minutes and once. */
export const REPORT_CODE_MINUTES = 10;
/** Codes tried on one link, right or wrong: the fifth wrong one locks the link for good. */
export const REPORT_CODE_ATTEMPTS = 5;

export type ReportLinkState = 'open' | 'expired' | 'used' | 'locked';

/** Whether a link may still be opened at `now`: used first (it says the most), then locked, then expired. */
export function reportLinkState(link: { expiresAt: Date; usedAt: Date | null; attempts: number }, now: Date): ReportLinkState {
  if (link.usedAt) return 'used';
  if (link.attempts >= REPORT_CODE_ATTEMPTS) return 'locked';
  if (now.getTime() >= link.expiresAt.getTime()) return 'expired';
  return 'open';
}

/** Whether the code last sent is still good at `now`, so opening the link again sends no new one. */
export function codeIsLive(link: { codeHash: string | null; codeExpiresAt: Date | null }, now: Date): boolean {
  return link.codeHash !== null && link.codeExpiresAt !== null && now.getTime() < link.codeExpiresAt.getTime();
}

/**
 * The invited address as the page shows it before the code is entered: enough for the person to
 * recognise their own address, not enough for someone holding the link to learn it.
 * `jane.doe@agency.example` → `j***@agency.example`.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/** A code as typed: spaces and dashes are ignored, so `123 456` and `123-456` are `123456`. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export const CODE_PATTERN = /^[0-9]{6}$/;
