import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../../../domain/conference/kinds.js';
import { STATUS_LABELS, type ConferenceStatus } from '../../../../domain/conference/transitions.js';
import { londonDateOf } from '../../../../domain/calendar/london-time.js';
import { loadHouseholdFrontDoor } from '../../../../modules/front-door/load-household-front-door.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions, mayRecordCaseWork } from '../../../../policies/children.js';
import { presentChildren } from '../convene/presenter.js';
import { auditReads } from '../../../form-fields.js';

/**
 * The household at the front door; also re-shown with 400 and field errors when adding a child
 * to a review conference is refused (CV3). Throws NotFoundError for an unknown household.
 */
export async function renderHouseholdFrontDoor(
  request: FastifyRequest,
  reply: FastifyReply,
  householdId: string,
  extra: { errors?: FieldError[]; values?: unknown; notice?: string | null; reviewConferenceId?: string } = {},
): Promise<FastifyReply> {
  const { db, clock } = request.server.convene;
  const data = await loadHouseholdFrontDoor(db, householdId, londonDateOf(clock()));
  await auditReads(request, data.children.map((c) => c.childId), 'household', householdId);
  const children = presentChildren(data.children);
  if (extra.errors) reply.code(400);
  return reply.view('front-door/household/page.njk', {
    title: `Front door: ${data.household.name}`, household: data.household, children, discussions: data.discussions,
    conferences: data.conferences.map((c) => ({
      ...c, kindLabel: CONFERENCE_KIND_LABELS[c.kind as ConferenceKind] ?? c.kind, statusLabel: STATUS_LABELS[c.status as ConferenceStatus] ?? c.status,
      isReview: c.kind === 'review' || c.kind === 'designated-review',
    })),
    mayRecord: mayRecordCaseWork(request.actor), mayAuthorise: mayAuthoriseCaseDecisions(request.actor),
    errors: extra.errors, values: extra.values ?? {}, notice: extra.notice ?? null, reviewConferenceId: extra.reviewConferenceId ?? null,
    backLink: { href: '/' },
  });
}
