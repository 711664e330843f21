import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { CONTINUING_SUPPORT, CONTINUING_SUPPORT_LABELS, ENDING_DECIDER, ENDING_ROUTE_LABELS, endingProblems, endingRoutes } from '../../../../domain/plans/ending.js';
import { nextReview, REVIEW_TRIGGER_LABELS, REVIEW_TRIGGERS } from '../../../../domain/plans/reviews.js';
import { endingFacts, recipientsFor } from '../../../../modules/plans/ending-context.js';
import { endPlan } from '../../../../modules/plans/end-plan.js';
import type { LoadedPlan } from '../../../../modules/plans/load-plan.js';
import { todayOf } from '../../../../modules/plans/plan-write.js';
import { requestReview } from '../../../../modules/plans/request-review.js';
import { BRING_FORWARD_TRIGGERS, iroConsultationNeeded, recordReviewNotBroughtForward } from '../../../../modules/plans/consider-bring-forward.js';
import { mayEndPlan, mayOpenEndingPage, mayRequestReview } from '../../../../policies/plans.js';
import { parseForm } from '../../../forms.js';
import { londonNowParts } from '../../../form-fields.js';
import { endForm, reviewForm } from '../form.js';
import { formReply, planForPage, type PlanParams } from '../page-context.js';
import { runAction } from '../../../forms/run-action.js';

const triggerOptions = [
  { value: 'now', text: 'No new event: ask for the review to be booked now' },
  ...REVIEW_TRIGGERS.map((t) => ({ value: t, text: REVIEW_TRIGGER_LABELS[t] })),
];
const supportOptions = CONTINUING_SUPPORT.map((s) => ({ value: s, text: CONTINUING_SUPPORT_LABELS[s] }));

/** Asking for the review (RV2) and ending a plan without one (EN1, EN2, EN4, EN5, EN6), with a check page before the end. */
export default function planEndingPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const pack = () => app.convene.settings.pack;
  const back = (id: string) => `/plans/${id}`;

  async function reviewContext(p: LoadedPlan) {
    const review = nextReview({ pack: pack(), calendar: await workingCalendar(db), planStartedOn: p.plan.startDate, reviewsHeld: p.reviewsHeld.map((r) => r.heldOn), dateOfBirth: p.child.dateOfBirth, earlyReviewOn: p.earlyReviewOn });
    return { title: 'Ask for the review', p, review, triggerOptions, askIro: iroConsultationNeeded(pack()) };
  }

  app.get<PlanParams & { Querystring: { trigger?: string; occurredOn?: string } }>('/plans/:id/review', { config: { access: mayRequestReview } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const context = await reviewContext(p);
    const today = londonNowParts(app.convene.clock()).date;
    // Arriving from an RV2 prompt: the reason and its date are filled in from the record that raised it.
    const trigger = (REVIEW_TRIGGERS as readonly string[]).includes(request.query.trigger ?? '') ? request.query.trigger : undefined;
    const occurredOn = /^\d{4}-\d{2}-\d{2}$/.test(request.query.occurredOn ?? '') ? request.query.occurredOn : today;
    return reply.view('plans/review.njk', { ...context, values: { occurredOn, holdBy: context.review.holdBy, ...(trigger ? { trigger } : {}) }, backLink: { href: back(p.plan.id) } });
  });

  // RV2 prompts: a reason to bring the review forward that the records raised, to act on or to set aside with reasons.
  const bringForwardPage = async (reply: FastifyReply, p: LoadedPlan, query: { trigger?: string; on?: string }, values: Record<string, unknown>, errors?: unknown) => {
    const trigger = (BRING_FORWARD_TRIGGERS as readonly string[]).includes(query.trigger ?? '') ? (query.trigger as (typeof BRING_FORWARD_TRIGGERS)[number]) : null;
    const on = /^\d{4}-\d{2}-\d{2}$/.test(query.on ?? '') ? query.on! : null;
    if (!trigger || !on) return reply.callNotFound();
    return reply.view('plans/bring-forward.njk', {
      title: 'Bring the review forward?', p, trigger, on, triggerLabel: REVIEW_TRIGGER_LABELS[trigger], review: (await reviewContext(p)).review, values, errors,
      askIro: iroConsultationNeeded(pack()),
      backLink: { href: back(p.plan.id) },
    });
  };
  app.get<PlanParams & { Querystring: { trigger?: string; on?: string } }>('/plans/:id/bring-forward', { config: { access: mayRequestReview } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return bringForwardPage(reply, p, request.query, {});
  });
  app.post<PlanParams & { Body: { trigger?: string; on?: string; reasons?: string; iroConsultedName?: string; iroConsultedOn?: string; iroConsultedNote?: string } }>('/plans/:id/bring-forward', { config: { access: mayRequestReview } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const body = request.body ?? {};
    const record = () => recordReviewNotBroughtForward(db, request.actionContext(), p.plan.id, {
      trigger: String(body.trigger ?? ''), on: String(body.on ?? ''), reasons: String(body.reasons ?? ''), pack: pack(),
      iroConsultedName: String(body.iroConsultedName ?? ''), iroConsultedOn: String(body.iroConsultedOn ?? ''), iroConsultedNote: String(body.iroConsultedNote ?? ''),
    });
    return runAction(reply, record, {
      done: () => reply.redirect(back(p.plan.id)),
      again: ({ errors }) => bringForwardPage(reply, p, { trigger: String(body.trigger ?? ''), on: String(body.on ?? '') }, body, errors),
    });
  });
  app.post<PlanParams>('/plans/:id/review', { config: { access: mayRequestReview } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/review.njk', await reviewContext(p), back(p.plan.id));
    return form.submit(reviewForm, request.body, (data) => requestReview(db, request.actionContext(), pack(), p.plan.id, data), back(p.plan.id));
  });

  async function endContext(request: FastifyRequest, p: LoadedPlan) {
    const facts = await endingFacts(db, pack(), await workingCalendar(db), p, todayOf(request.actionContext()));
    const routes = endingRoutes(pack(), facts).map((r) => ({
      ...r, text: ENDING_ROUTE_LABELS[r.route], mine: mayEndPlan(request.actor, ENDING_DECIDER[r.route]),
    }));
    return { title: 'End this plan', p, facts, routes, routeOptions: routes.filter((r) => r.available && r.mine).map((r) => ({ value: r.route, text: r.text })), supportOptions };
  }
  const parseEnd = (body: unknown) => parseForm(endForm, body);
  const endInput = (data: z.infer<typeof endForm>) => ({
    ...data, continuingSupportDetails: data.continuingSupportDetails,
    consultation: data.consultation.length ? data.consultation : undefined,
  });

  app.get<PlanParams>('/plans/:id/end', { config: { access: mayOpenEndingPage } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    return reply.view('plans/end.njk', { ...(await endContext(request, p)), values: { endedOn: londonNowParts(app.convene.clock()).date }, backLink: { href: back(p.plan.id) } });
  });

  // The check page: what will happen and who will be told, before anything is written.
  app.post<PlanParams>('/plans/:id/end', { config: { access: mayOpenEndingPage } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const context = await endContext(request, p);
    const form = formReply(reply, 'plans/end.njk', context, back(p.plan.id));
    const parsed = parseEnd(request.body);
    if (!parsed.ok) return form.again(parsed.errors, parsed.values);
    const problems = endingProblems(pack(), context.facts, endInput(parsed.data));
    if (!mayEndPlan(request.actor, ENDING_DECIDER[parsed.data.route])) problems.push({ field: 'route', message: 'You cannot end a plan by this route' });
    if (problems.length) return form.again(problems, request.body);
    const { recipients, unreachable } = await recipientsFor(db, pack(), p, parsed.data.route);
    return reply.view('plans/end-confirm.njk', {
      title: 'Check before you end the plan', p, data: parsed.data, routeLabel: ENDING_ROUTE_LABELS[parsed.data.route],
      supportLabel: CONTINUING_SUPPORT_LABELS[parsed.data.continuingSupport], recipients, unreachable,
      hidden: Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf').map(([name, value]) => ({ name, value: String(value) })),
      backLink: { href: `/plans/${p.plan.id}/end` },
    });
  });

  app.post<PlanParams>('/plans/:id/end/confirm', { config: { access: mayOpenEndingPage } }, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    const form = formReply(reply, 'plans/end.njk', await endContext(request, p), back(p.plan.id));
    const parsed = parseEnd(request.body);
    if (!parsed.ok) return form.again(parsed.errors, parsed.values);
    try {
      await endPlan(db, request.actionContext(), pack(), p.plan.id, endInput(parsed.data));
    } catch (error) {
      return form.refused(error, request.body);
    }
    return reply.redirect(back(p.plan.id));
  });
}
