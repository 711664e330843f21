/**
 * The endpoints an orchestrator, a load balancer or a scraper calls: /health (liveness), /ready
 * (readiness) and /metrics. They are never load-shed (a busy instance must still say whether it is
 * alive) and never look up a session (they carry none and must not touch the sessions table).
 */
export const OPERATIONAL_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** The request's path without its query string. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function isOperationalRequest(url: string): boolean {
  return OPERATIONAL_PATHS.has(pathOf(url));
}
