import type { FastifyInstance } from 'fastify';
import { decideVisitFrequency } from '../../../../modules/plans/decide-visit-frequency.js';
import { recordCoreGroup } from '../../../../modules/plans/record-core-group.js';
import { recordVisit } from '../../../../modules/plans/record-visit.js';
import { reportPlanActionProblem } from '../../../../modules/plans/report-plan-action-problem.js';
import { requestVisitFrequency } from '../../../../modules/plans/request-visit-frequency.js';
import { PLAN_ACTION_STATUS_LABELS, PLAN_ACTION_STATUSES, savePlanAction } from '../../../../modules/plans/save-plan-action.js';
import { recordLegalAdvice } from '../../../../modules/plans/record-legal-advice.js';
import { writeBriefingNote } from '../../../../modules/plans/write-briefing-note.js';
import { mayKeepPlan, mayRecordLegalAdvice, mayReportPlanActionProblem, mayViewPlans, mayWriteBriefingNote } from '../../../../policies/plans.js';
import { hasRole } from '../../../../policies/roles.js';
import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../../../../domain/deadlines/index.js';
import { ForbiddenError } from '../../../../modules/shared/errors.js';
import type { LoadedPlan } from '../../../../modules/plans/load-plan.js';
import { parseForm } from '../../../forms.js';
import { londonNowParts } from '../../../form-fields.js';
import { briefingForm, coreGroupForm, legalAdviceForm, frequencyDecisionForm, frequencyRequestForm, MEMBER_ROWS, membersFrom, planActionForm, problemForm, visitForm } from '../form.js';
import { formReply, planForPage, type PlanParams } from '../page-context.js';

const keep = { config: { access: mayKeepPlan } };
const statusOptions = PLAN_ACTION_STATUSES.map((s) => ({ value: s, text: PLAN_ACTION_STATUS_LABELS[s] }));

/** RV4: the designated reviews still waiting for legal advice, as radio items. */
function legalAdviceChoices(p: LoadedPlan, chosen: unknown) {
  const waiting = p.designatedReviewFollowUps.filter((f) => f.legalAdviceOutstanding);
  return waiting.map((f) => ({ value: f.conferenceId, text: `Designated review held ${formatDate(Temporal.PlainDate.from(f.heldOn))}`, checked: chosen === f.conferenceId || waiting.length === 1 }));
}

/** The forms that keep a plan going: detailed plan actions, core groups, visits, visit frequency, CG2 reports, the TS7 briefing note, RV4 legal advice. */
export default function planRecordPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const pack = () => app.convene.settings.pack;
  const back = (id: string) => `/plans/${id}`;

  // PL2: add or change a line of the detailed plan.
  app.get<{ Params: { id: string; actionId?: string } }>('/plans/:id/actions', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return reply.view('plans/action.njk', { title: 'Add an action to the detailed plan', p, statusOptions, values: { status: 'not-started' }, backLink: { href: back(p.plan.id) } });
  });
  app.get<{ Params: { id: string; actionId: string } }>('/plans/:id/actions/:actionId', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const action = p.actions.find((a) => a.id === request.params.actionId);
    if (!action) return reply.callNotFound();
    return reply.view('plans/action.njk', { title: 'Update an action', p, action, statusOptions, values: action, backLink: { href: back(p.plan.id) } });
  });
  app.post<{ Params: { id: string; actionId?: string } }>('/plans/:id/actions/:actionId?', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const action = request.params.actionId ? p.actions.find((a) => a.id === request.params.actionId) : undefined;
    // An action id that is not this plan's is a 404, never a new action.
    if (request.params.actionId && !action) return reply.callNotFound();
    const form = formReply(reply, 'plans/action.njk', { title: action ? 'Update an action' : 'Add an action to the detailed plan', p, action, statusOptions }, back(p.plan.id));
    return form.submit(planActionForm, request.body, ({ version, dueOn, ...input }) =>
      savePlanAction(db, request.actionContext(), p.plan.id, { ...input, dueOn: dueOn ?? null }, action ? { actionId: action.id, version: version ?? 0 } : undefined), back(p.plan.id));
  });

  // CG1, TS8, TS9, TS27, UB2, RV3: a core group meeting.
  const memberValues = (members: { name: string; role: string; agency?: string }[]) =>
    Object.fromEntries(members.slice(0, MEMBER_ROWS).flatMap((m, i) => [[`member${i}Name`, m.name], [`member${i}Role`, m.role], [`member${i}Agency`, m.agency ?? ''], [`member${i}Attended`, 'yes']]));
  app.get<PlanParams>('/plans/:id/core-groups/new', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const last = p.coreGroups.at(-1);
    const members = last ? last.members : p.decidedCoreGroupMembers;
    return reply.view('plans/core-group.njk', {
      title: 'Record a core group', p, rows: [...Array(MEMBER_ROWS).keys()], unborn: p.child.dateOfBirth === null,
      values: { heldOn: londonNowParts(app.convene.clock()).date, chairName: request.actor?.displayName, planVersion: p.plan.version, planUpdated: 'yes', ...memberValues(members) },
      backLink: { href: back(p.plan.id) },
    });
  });
  app.post<PlanParams>('/plans/:id/core-groups/new', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/core-group.njk', { title: 'Record a core group', p, rows: [...Array(MEMBER_ROWS).keys()], unborn: p.child.dateOfBirth === null }, back(p.plan.id));
    const parsed = parseForm(coreGroupForm, request.body);
    const members = membersFrom((request.body ?? {}) as Record<string, unknown>);
    if (!parsed.ok) return form.again(parsed.errors, parsed.values);
    try {
      await recordCoreGroup(db, request.actionContext(), pack(), p.plan.id, {
        ...parsed.data, planDistributedOn: parsed.data.planDistributedOn ?? null, members: members.map(({ row: _row, ...m }) => m),
      });
    } catch (error) {
      // Member errors come back by position in the list; the form names them by row.
      if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)) {
        error.errors = (error.errors as { field: string; message: string }[]).map((e) => {
          const m = /^members\.(\d+)\.writtenViews$/.exec(e.field);
          return m ? { ...e, field: `member${members[Number(m[1])]?.row ?? 0}Views` } : e;
        });
      }
      return form.refused(error, request.body);
    }
    return reply.redirect(back(p.plan.id));
  });

  // CG3, TS24: a visit, seen or not seen.
  app.get<PlanParams>('/plans/:id/visits/new', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return reply.view('plans/visit.njk', { title: 'Record a visit', p, values: { visitedOn: londonNowParts(app.convene.clock()).date, visitedBy: request.actor?.displayName }, backLink: { href: back(p.plan.id) } });
  });
  app.post<PlanParams>('/plans/:id/visits/new', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/visit.njk', { title: 'Record a visit', p }, back(p.plan.id));
    return form.submit(visitForm, request.body, (data) => recordVisit(db, request.actionContext(), p.plan.id, data), back(p.plan.id));
  });

  // CG3: asking for, and deciding, a change of visit frequency.
  app.get<PlanParams>('/plans/:id/visit-frequency', { config: { access: mayViewPlans } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return reply.view('plans/frequency.njk', { title: 'Visit frequency', p, pending: p.frequencyChanges.find((c) => c.status === 'pending') ?? null, values: {}, backLink: { href: back(p.plan.id) } });
  });
  app.post<PlanParams>('/plans/:id/visit-frequency', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/frequency.njk', { title: 'Visit frequency', p, pending: null }, back(p.plan.id));
    return form.submit(frequencyRequestForm, request.body, (data) => requestVisitFrequency(db, request.actionContext(), pack(), p.plan.id, data), back(p.plan.id));
  });
  app.post<{ Params: { id: string; changeId: string } }>('/plans/:id/visit-frequency/:changeId', { config: { access: mayViewPlans } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const pending = p.frequencyChanges.find((c) => c.id === request.params.changeId) ?? null;
    const form = formReply(reply, 'plans/frequency.njk', { title: 'Visit frequency', p, pending }, back(p.plan.id));
    return form.submit(frequencyDecisionForm, request.body, (data) => decideVisitFrequency(db, request.actionContext(), p.plan.id, request.params.changeId, data), back(p.plan.id));
  });

  // CG2: a plan action that cannot be carried out.
  app.get<PlanParams>('/plans/:id/problems/new', { config: { access: mayReportPlanActionProblem } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return reply.view('plans/problem.njk', { title: 'Report an action that cannot be carried out', p, values: { reporterName: request.actor?.displayName }, backLink: { href: back(p.plan.id) } });
  });
  app.post<PlanParams>('/plans/:id/problems/new', { config: { access: mayReportPlanActionProblem } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/problem.njk', { title: 'Report an action that cannot be carried out', p }, back(p.plan.id));
    return form.submit(problemForm, request.body, (data) => reportPlanActionProblem(db, request.actionContext(), p.plan.id, data), back(p.plan.id));
  });

  // TS7: the chair's briefing note after a designated review.
  app.get<PlanParams>('/plans/:id/briefing', { config: { access: mayWriteBriefingNote } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return reply.view('plans/briefing.njk', { title: 'Briefing note for service managers', p, values: {}, backLink: { href: back(p.plan.id) } });
  });
  app.post<PlanParams>('/plans/:id/briefing', { config: { access: mayWriteBriefingNote } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/briefing.njk', { title: 'Briefing note for service managers', p }, back(p.plan.id));
    return form.submit(briefingForm, request.body, (data) => writeBriefingNote(db, request.actionContext(), p.plan.id, data.note), back(p.plan.id));
  });

  // RV4: the team manager records the legal advice sought after a designated review kept the plan.
  const managers = { config: { access: (actor: Parameters<typeof hasRole>[0]) => hasRole(actor, 'team-manager', 'service-manager') } };
  const legalAdviceTitle = 'Record the legal advice';
  app.get<PlanParams>('/plans/:id/legal-advice', managers, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    if (!mayRecordLegalAdvice(request.actor, p.case.teamManagerId)) throw new ForbiddenError('Only the team manager for this child’s case, or a service manager, records the legal advice.');
    return reply.view('plans/legal-advice.njk', {
      title: legalAdviceTitle, p, reviewItems: legalAdviceChoices(p, undefined), values: { soughtOn: londonNowParts(app.convene.clock()).date }, backLink: { href: back(p.plan.id) },
    });
  });
  app.post<PlanParams>('/plans/:id/legal-advice', managers, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = formReply(reply, 'plans/legal-advice.njk', { title: legalAdviceTitle, p, reviewItems: legalAdviceChoices(p, body.conferenceId) }, back(p.plan.id));
    return form.submit(legalAdviceForm, request.body, (data) => recordLegalAdvice(db, request.actionContext(), p.plan.id, data), back(p.plan.id));
  });
}
