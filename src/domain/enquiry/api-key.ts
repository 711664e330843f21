/**
 * The shape of an enquiry API key: `cvn_<prefix>_<secret>`. The prefix finds the client without
 * a scan; only the secret's hash is kept. Pure parsing and the rate-limit window.
 */
export const API_KEY_PATTERN = /^cvn_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export function parseApiKey(value: string | undefined): { prefix: string; secret: string } | null {
  if (!value) return null;
  const token = value.startsWith('Bearer ') ? value.slice(7).trim() : null;
  const match = token ? API_KEY_PATTERN.exec(token) : null;
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

/** The minute a request falls in: the unit the per-client limit counts in. */
export function rateWindow(now: Date): { minute: Date; retryAfterSeconds: number } {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return { minute, retryAfterSeconds: Math.max(1, Math.ceil((minute.getTime() + 60_000 - now.getTime()) / 1000)) };
}

/**
 * What an agency's shared limit is counted under: its name as its keys were issued with, in one
 * case and spacing, so "Demoshire Police" and "demoshire  police " are one agency.
 */
export function agencyCounterKey(agency: string): string {
  return agency.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The default requests a minute one agency may make across all its keys (CONVENE_API_AGENCY_PER_MINUTE). */
export const DEFAULT_AGENCY_PER_MINUTE = 120;
