import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { managerChecks } from '../../../domain/reports/manager-checks.js';
import { checkFactsOf, checkRelationship, checkSocialWorkReport, decideLegalAction } from '../../../modules/reports/manager-checks.js';
import { auditReport, childrenOf, loadReport, type LoadedReport } from '../../../modules/reports/report-common.js';
import { mayAgreeLegalAction, mayCheckSocialWorkReport, mayViewConferenceReports } from '../../../policies/reports.js';
import { hasRole, type Actor } from '../../../policies/roles.js';
import { submitShowingValues } from '../../forms/run-action.js';
import { conferenceHeader } from '../../components/conference-header.js';
import type { RecordPageRoute as Params } from '../../types.js';

const checkForm = z.object({
  version: z.coerce.number({ error: 'Open the report again' }).int().min(1),
  confirmed: z.preprocess((v) => v === 'yes', z.boolean()),
});

const legalForm = z.object({
  decision: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
  reasons: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(4000, 'Keep the reasons under 4000 characters')),
});

const NOTICES: Record<string, string> = {
  checked: 'Your check of the report is recorded. It can now be shared with the family.',
  decided: 'Your answer on the recommendation of legal action is recorded.',
};

const forManagers = (actor: Actor | null) => hasRole(actor, 'team-manager', 'service-manager') && mayViewConferenceReports(actor);

/**
 * The managers' checks of a social work report (`003`): the team manager of the worker's team
 * checks it before it is shared; a service manager agrees any recommendation of legal action.
 */
export default function managerCheckPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: forManagers } };

  async function render(request: FastifyRequest<Params>, reply: FastifyReply, loaded: LoadedReport, extra: Record<string, unknown> = {}) {
    const { report, context } = loaded;
    const checks = managerChecks(checkFactsOf(report));
    const mayCheck = mayCheckSocialWorkReport(request.actor, await checkRelationship(db, loaded)) && report.authorId !== request.actor?.id;
    return reply.view('reports/manager-check.njk', {
      title: 'Manager checks of the social work report',
      conference: conferenceHeader(context),
      report,
      childName: context.children.find((c) => c.childId === report.childId)?.name ?? '',
      checks,
      mayCheck: mayCheck && report.status !== 'draft',
      mayDecide: mayAgreeLegalAction(request.actor) && checks.legalAction === 'awaiting',
      values: { version: String(report.version) },
      legalValues: {},
      notice: NOTICES[request.query.done ?? ''] ?? null,
      backLink: { href: `/reports/${report.id}`, text: 'Back to the report' },
      ...extra,
    });
  }

  async function load(request: FastifyRequest<Params>): Promise<LoadedReport | null> {
    const loaded = await loadReport(db, request.actor, request.params.id);
    if (loaded.kind !== 'social-work') return null;
    await auditReport(db, request.actionContext(), childrenOf(loaded.report.childId, loaded.context), { action: 'child-record-viewed', recordType: 'report', recordId: loaded.report.id });
    return loaded;
  }

  app.get<Params>('/reports/:id/manager-check', access, async (request, reply) => {
    const loaded = await load(request);
    if (!loaded) return reply.callNotFound();
    return render(request, reply, loaded);
  });

  app.post<Params>('/reports/:id/manager-check', access, async (request, reply) => {
    const loaded = await load(request);
    if (!loaded) return reply.callNotFound();
    return submitShowingValues(reply, checkForm, (data) => checkSocialWorkReport(db, request.actionContext(), loaded.report.id, data), {
      again: ({ errors, values }) => render(request, reply, loaded, { errors, values }),
      done: () => reply.redirect(`/reports/${loaded.report.id}/manager-check?done=checked`),
    });
  });

  app.post<Params>('/reports/:id/legal-action', { config: { access: mayAgreeLegalAction } }, async (request, reply) => {
    const loaded = await load(request);
    if (!loaded) return reply.callNotFound();
    return submitShowingValues(reply, legalForm, (data) => decideLegalAction(db, request.actionContext(), loaded.report.id, data), {
      again: ({ errors, values }) => render(request, reply, loaded, { errors, legalValues: values }),
      done: () => reply.redirect(`/reports/${loaded.report.id}/manager-check?done=decided`),
      conflictField: 'decision',
    });
  });
}
