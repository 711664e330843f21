import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import {
  isSection47Outcome, needsManagerEndorsement, SECTION_47_OUTCOME_LABELS, SECTION_47_OUTCOMES, SECTION_47_STAGE_LABELS, section47Stage,
} from '../../../../domain/front-door/outcomes.js';
import { coreAssessmentDueOn, dateDueStatus } from '../../../../domain/front-door/timings.js';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { completeCoreAssessment } from '../../../../modules/front-door/complete-core-assessment.js';
import { endorseSection47Outcome } from '../../../../modules/front-door/endorse-section-47-outcome.js';
import { londonDateOf } from '../../../../domain/calendar/london-time.js';
import { loadSection47 } from '../../../../modules/front-door/load-section-47.js';
import { recordChildSeen } from '../../../../modules/front-door/record-child-seen.js';
import { recordSection47Outcome } from '../../../../modules/front-door/record-section-47-outcome.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions, mayRecordCaseWork, mayViewChildRecords } from '../../../../policies/children.js';
import { parseForm } from '../../../forms.js';
import { dueTag } from '../due-tags.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { childSeenForm, coreAssessmentForm, endorseForm, outcomeForm } from './form.js';

type Req = FastifyRequest<{ Params: { id: string } }>;

const outcomeOptions = SECTION_47_OUTCOMES.map((o) => ({
  value: o, text: SECTION_47_OUTCOME_LABELS[o],
  hint: o === 'continuing-risk' ? 'Leads to the decision to convene an initial child protection conference.'
    : o === 'no-continuing-risk' ? 'A plan without a conference; a manager must endorse this decision.' : 'Consider with the family what support may still help.',
}));

/** FD4 and FD5: one child's section 47 enquiry, the dates they were seen, the core assessment and the outcome. */
export default function section47Pages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function render(request: Req, reply: FastifyReply, template: 'show' | 'outcome', extra: { errors?: FieldError[]; values?: unknown; notice?: string | null } = {}) {
    const found = await loadSection47(db, request.params.id);
    await auditReads(request, [found.child.id], 'section-47-enquiry', found.enquiry.id);
    const now = app.convene.clock();
    const due = coreAssessmentDueOn(Temporal.PlainDate.from(found.enquiry.startedOn), await workingCalendar(db));
    const completed = found.enquiry.coreAssessmentCompletedOn ? Temporal.PlainDate.from(found.enquiry.coreAssessmentCompletedOn) : null;
    if (extra.errors) reply.code(400);
    return reply.view(`front-door/section-47/${template}.njk`, {
      title: template === 'show' ? `Section 47 enquiry: ${found.name}` : `Outcome of the section 47 enquiry: ${found.name}`,
      name: found.name, enquiry: found.enquiry, discussion: found.discussion, caseId: found.case.id, householdId: found.case.householdId,
      coreDueOn: due.toString(), coreTag: dueTag(dateDueStatus(due, completed, londonDateOf(now))),
      stageLabel: SECTION_47_STAGE_LABELS[section47Stage(found.enquiry)],
      outcomeLabel: isSection47Outcome(found.enquiry.outcome) ? SECTION_47_OUTCOME_LABELS[found.enquiry.outcome] : null,
      needsEndorsement: isSection47Outcome(found.enquiry.outcome) && needsManagerEndorsement(found.enquiry.outcome) && !found.enquiry.endorsedAt,
      outcomeOptions, today: londonNowParts(now),
      mayRecord: mayRecordCaseWork(request.actor), mayAuthorise: mayAuthoriseCaseDecisions(request.actor),
      errors: extra.errors, values: extra.values ?? {}, notice: extra.notice ?? null,
      backLink: { href: template === 'show' ? `/cases/${found.case.id}/front-door` : `/section-47/${found.enquiry.id}` },
    });
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/section-47/:id', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    return render(request, reply, 'show', { notice: request.query.done ?? null });
  });

  app.get<{ Params: { id: string } }>('/section-47/:id/outcome', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    return render(request, reply, 'outcome', { values: {} });
  });

  /** The small forms of the enquiry: parse, act, come back to the page, or show it again with the errors. */
  function post<S extends Parameters<typeof parseForm>[0]>(
    path: string,
    template: 'show' | 'outcome',
    schema: S,
    act: (request: Req, data: ReturnType<S['parse']>) => Promise<void>,
    done: string,
    access = mayRecordCaseWork,
  ) {
    app.post<{ Params: { id: string } }>(path, { config: { access } }, async (request, reply) => {
      const back = `/section-47/${request.params.id}`;
      const again = (errors: FieldError[]) => render(request, reply, template, { errors, values: request.body });
      return submitForm(reply, schema, request.body, (data) => act(request, data as ReturnType<S['parse']>), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent(done)}`) });
    });
  }

  post('/section-47/:id/child-seen', 'show', childSeenForm,
    (request, data) => recordChildSeen(db, request.actionContext(), request.params.id, data), 'The visit has been recorded.');
  post('/section-47/:id/core-assessment', 'show', coreAssessmentForm,
    (request, data) => completeCoreAssessment(db, request.actionContext(), request.params.id, data), 'The core assessment is recorded as complete.');
  post('/section-47/:id/outcome', 'outcome', outcomeForm,
    (request, data) => recordSection47Outcome(db, request.actionContext(), request.params.id, data), 'The outcome of the enquiry has been recorded.');
  post('/section-47/:id/endorse', 'show', endorseForm,
    (request) => endorseSection47Outcome(db, request.actionContext(), request.params.id), 'The decision has been endorsed.', mayAuthoriseCaseDecisions);
}
