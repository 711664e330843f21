import type { Actor } from './roles.js';

/**
 * Issue 17: a partner agency's practitioner with no account, who came in through the link in
 * their invitation and the code sent to the invited address. What they may do follows from the
 * invitation they hold, never from a role (they have none): write their own agency report for
 * that one conference. Everything else is refused, route by route, by setup/authorisation.ts.
 */
export function holdsReportLink(actor: Actor | null): boolean {
  return Boolean(actor?.reportLink);
}

/** The link holder reaches this conference's reports only if their invitation is to it. */
export function mayWriteThroughReportLink(actor: Actor | null, conferenceId: string): boolean {
  return actor?.reportLink?.conferenceId === conferenceId;
}

/** The only record a link holder may send a form to: their invitation's conference. */
export function reportLinkReaches(actor: Actor | null, record: { kind: string; id: string }): boolean {
  return record.kind === 'conferences' && mayWriteThroughReportLink(actor, record.id);
}
