import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * The link's token is 32 random bytes (base64url), not an HMAC of the invitation: a random token
 * needs no server key to keep or rotate, each link is a row that can be used, locked or expire on
 * its own, and the table keeps only its SHA-256, so a copy of the database opens nothing.
 */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(`report-link:${token}`).digest('hex');
}

/** Six digits, uniformly random. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Hashed with its link's id, so the same six digits sent for two links are two different hashes. */
export function hashCode(linkId: string, code: string): string {
  return createHash('sha256').update(`report-code:${linkId}:${code}`).digest('hex');
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** A token of the right shape (a 32-byte base64url string): anything else is unknown without a query. */
export function isLinkTokenShape(token: string): boolean {
  return TOKEN.test(token);
}
