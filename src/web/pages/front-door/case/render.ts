import type { FastifyReply, FastifyRequest } from 'fastify';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { loadCaseFrontDoor } from '../../../../modules/front-door/load-case-front-door.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions, mayRecordCaseWork } from '../../../../policies/children.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { presentCaseFrontDoor } from './presenter.js';

/**
 * The child's front-door page, also re-shown with 400 and field errors by the small forms on it
 * (acknowledgement, starting an assessment). Throws NotFoundError for an unknown case.
 */
export async function renderCaseFrontDoor(
  request: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  extra: { errors?: FieldError[]; values?: unknown; notice?: string | null } = {},
): Promise<FastifyReply> {
  const { db, clock } = request.server.convene;
  const data = await loadCaseFrontDoor(db, caseId);
  await auditReads(request, [data.child.id], 'case-front-door', data.case.id);
  const now = clock();
  const view = presentCaseFrontDoor(data, await workingCalendar(db), now);
  if (extra.errors) reply.code(400);
  return reply.view('front-door/case/page.njk', {
    title: `Front door: ${data.name}`,
    name: data.name, child: data.child, episode: data.case, ...view,
    mayRecord: mayRecordCaseWork(request.actor), mayAuthorise: mayAuthoriseCaseDecisions(request.actor),
    today: londonNowParts(now), errors: extra.errors, values: extra.values ?? {}, notice: extra.notice ?? null,
    backLink: { href: data.case.householdId ? `/households/${data.case.householdId}/front-door` : '/' },
  });
}
