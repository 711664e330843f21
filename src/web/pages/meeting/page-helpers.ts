import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditChildReads } from '../../../modules/audit/child-access.js';
import type { MeetingState } from '../../../modules/meeting/meeting-state.js';
import type { Refusal } from '../../forms/run-action.js';
import type { FieldError } from '../../../modules/shared/errors.js';

/**
 * How the meeting screens show a refused save: someone else's save in the banner above the form
 * ("Changed by someone else", with what was typed kept below); anything else in the error summary.
 */
export function shownRefusal(refusal: Refusal): { errors: Refusal['errors']; conflict: string | null } {
  return refusal.stale ? { errors: [], conflict: refusal.conflict } : { errors: refusal.errors, conflict: null };
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

/**
 * A table form's message in the error summary says whose row it is (fields are `<field>-<attendance id>`);
 * the message beside the field need not, and one that already names them is left as it is.
 */
export function namedRowErrors(errors: readonly FieldError[], people: readonly { id: string; name: string }[]): FieldError[] {
  return errors.map((e) => {
    const person = people.find((a) => e.field.endsWith(`-${a.id}`));
    return person && !e.message.startsWith(person.name) ? { ...e, message: `${person.name}: ${e.message}` } : e;
  });
}
