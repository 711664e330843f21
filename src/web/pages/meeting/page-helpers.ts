import type { FastifyReply, FastifyRequest } from 'fastify';
import { StaleRecordError } from '../../../modules/meeting/stale.js';
import { auditChildReads } from '../../../modules/audit/child-access.js';
import type { MeetingState } from '../../../modules/meeting/meeting-state.js';
import { ValidationError, type FieldError } from '../../../modules/shared/errors.js';

export type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldError[]; conflict: string | null; currentVersion: number | null };

/**
 * Runs an action and turns the two answers a form can show in place into data: field errors, and
 * "someone else changed this" with the version now stored, so the page re-shows what was typed.
 * Anything else (403, 404, 409 transitions) goes to the error pages.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: error.errors, conflict: null, currentVersion: null };
    if (error instanceof StaleRecordError) return { ok: false, errors: [], conflict: error.message, currentVersion: error.currentVersion };
    throw error;
  }
}

/** The form's own values, back into the page after a refusal, with the version to save against next. */
export function againValues(body: unknown, result: { currentVersion: number | null }): Record<string, unknown> {
  const values = { ...((body ?? {}) as Record<string, unknown>) };
  delete values._csrf;
  if (result.currentVersion !== null) values.version = String(result.currentVersion);
  return values;
}

export function statusFor(result: { conflict: string | null }): number {
  return result.conflict ? 409 : 400;
}

/** Every page that shows a child's details records the read, per child (audit). */
export async function auditReads(request: FastifyRequest, state: MeetingState, recordType: string): Promise<void> {
  const db = request.server.convene.db;
  await auditChildReads(db, request.actionContext(), state.subjects.map((c) => c.childId), { recordType, recordId: state.conference.id });
}

export function meetingUrl(conferenceId: string, rest = ''): string {
  return `/conferences/${conferenceId}/meeting${rest}`;
}

export function notFound(reply: FastifyReply) {
  return reply.callNotFound();
}

/** Checkbox values arrive as a string or an array; an unticked box is absent. */
export function ticked(value: unknown): boolean {
  return value === 'yes' || value === 'on' || value === 'true';
}
