import { z } from 'zod';

/**
 * The one schema for a record id in a route (`/plans/:id`, `/conferences/:id/invitations/:invitationId`):
 * a real UUID parse, not a loose pattern, so a malformed id is a 404 and never reaches the database.
 */
export const routeId = z.uuid();

export function isRouteId(value: unknown): value is string {
  return routeId.safeParse(value).success;
}

/** Route parameters that name a record: `id` and every `…Id`. `:format` and rule codes are not ids. */
export function isIdParam(name: string, url: string): boolean {
  if (url.startsWith('/rules/')) return false;
  return name === 'id' || /^[a-z]+Id$/.test(name);
}
