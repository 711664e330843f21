import type { FastifyInstance } from 'fastify';
import { mayRecordLegalAdvice, mayViewPlans } from '../../../policies/plans.js';
import { hasRole } from '../../../policies/roles.js';
import { pageClock, planForPage, type PlanParams } from './page-context.js';
import { presentPlan } from './presenter.js';

/** GET /plans/:id: the child's plan, its people, the detailed plan, and every deadline with its state. */
export default function planPage(app: FastifyInstance): void {
  app.get<PlanParams>('/plans/:id', { config: { access: mayViewPlans } }, async (request, reply) => {
    const [p, { calendar, now, pack }] = await Promise.all([planForPage(app, request, request.params.id), pageClock(app)]);
    const view = presentPlan(p, pack, calendar, now);
    const actor = request.actor;
    return reply.view('plans/page.njk', {
      title: `Child protection plan: ${p.name}`,
      p, view,
      can: {
        keep: view.open && hasRole(actor, 'social-worker', 'team-manager', 'service-manager'),
        approve: hasRole(actor, 'team-manager'),
        end: view.open && hasRole(actor, 'service-manager', 'chair'),
        review: view.open && hasRole(actor, 'social-worker', 'team-manager', 'service-manager', 'chair'),
        brief: view.open && hasRole(actor, 'chair') && p.reviewsHeld.some((r) => r.kind === 'designated-review'),
        seeBriefings: hasRole(actor, 'service-manager', 'chair', 'team-manager'),
        recordLegalAdvice: view.open && p.designatedReviewFollowUps.some((f) => f.legalAdviceOutstanding) && mayRecordLegalAdvice(actor, p.case.teamManagerId),
      },
      pendingChange: p.frequencyChanges.find((c) => c.status === 'pending') ?? null,
      backLink: { href: `/cases/${p.case.id}` },
    });
  });
}
