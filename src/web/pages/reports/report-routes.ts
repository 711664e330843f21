import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFamilyKind } from '../../../domain/conference/agencies.js';
import { headingsFor, MARKING_LABELS, CONFIDENTIAL_CATEGORY_LABELS, type ConfidentialCategory } from '../../../domain/reports/headings.js';
import { decideConfidentialPresentation } from '../../../modules/reports/decide-confidential.js';
import { familyCopyLanguages, familyCopyOf, familyCopyPdf } from '../../../modules/reports/family-copy.js';
import { loadReportSharing } from '../../../modules/reports/load-report-sharing.js';
import { auditReport, childrenOf, loadReport, type LoadedReport } from '../../../modules/reports/report-common.js';
import { saveReport } from '../../../modules/reports/save-report.js';
import { recordDisagreement, shareReport, SHARE_METHODS, SHARE_METHOD_LABELS } from '../../../modules/reports/share-report.js';
import { submitReport } from '../../../modules/reports/submit-report.js';
import { checkFactsOf } from '../../../modules/reports/manager-checks.js';
import { sharingRefusal } from '../../../domain/reports/manager-checks.js';
import { mayDecideConfidentialPresentation, mayShareReports, mayViewConferenceReports } from '../../../policies/reports.js';
import { parseForm } from '../../forms.js';
import { runAction, submitShowingValues } from '../../forms/run-action.js';
import { addDraftRoute, dropDraft, restoreDraft, type DraftSpec } from '../../drafts.js';
import { ForbiddenError } from '../../../modules/shared/errors.js';
import { confidentialDecisionForm, disagreementForm, formValuesFrom, reportContentFrom, shareForm, versionForm } from './form.js';
import { conferenceHeader } from '../../components/conference-header.js';
import { categoryOptions, markingOptions } from './options.js';
import type { RecordPageRoute as Params } from '../../types.js';

const NOTICES: Record<string, string> = {
  saved: 'The report is saved.',
  uploaded: 'The document is uploaded.',
  shared: 'The sharing is recorded.',
  disagreement: 'The point raised is recorded.',
  decided: 'The decision on the confidential section is recorded.',
};

/** Who may change a report: its author, or for a social work report or the family's views, the authority's staff who share reports. */
function mayEditReport(actor: FastifyRequest['actor'], loaded: LoadedReport): boolean {
  return loaded.report.authorId === actor?.id || (loaded.kind !== 'agency' && mayShareReports(actor));
}

/** The report page: the form for its author (or a social worker), else the report to read. */
export async function renderReport(request: FastifyRequest, reply: FastifyReply, loaded: LoadedReport, extra: Record<string, unknown> = {}) {
  const done = (request.query as { done?: string } | undefined)?.done;
  const { report, context } = loaded;
  const isAuthor = report.authorId === request.actor?.id;
  const editable = mayEditReport(request.actor, loaded);
  const saved = formValuesFrom(loaded.content, report.version);
  // Coming back to the form (not a refusal shown again): the person's own draft, if any, over the saved report.
  const draft = !('values' in extra) && editable ? await restoreDraft(request, 'report', report.id) : null;
  return reply.view('reports/report-form.njk', {
    title: `${loaded.kind === 'agency' ? 'Agency report' : loaded.kind === 'social-work' ? 'Social work report' : 'The family’s own views'}`,
    conference: conferenceHeader(context),
    kind: loaded.kind,
    report,
    childName: context.children.find((c) => c.childId === report.childId)?.name ?? null,
    headings: headingsFor(loaded.kind, loaded.conferenceType),
    conferenceType: loaded.conferenceType,
    markingOptions,
    categoryOptions,
    markingLabels: MARKING_LABELS,
    categoryLabels: report.confidentialCategories.map((c) => CONFIDENTIAL_CATEGORY_LABELS[c as ConfidentialCategory] ?? c),
    action: `/reports/${report.id}`,
    draft, draftUrl: `/reports/${report.id}/draft`,
    editable,
    canSubmit: isAuthor && report.status === 'draft',
    canShare: mayShareReports(request.actor) && report.status !== 'draft',
    sharingRefusal: sharingRefusal(checkFactsOf(report)),
    isChair: mayDecideConfidentialPresentation(request.actor, context.conference),
    values: draft ? { ...saved, ...draft.fields, version: saved.version } : saved,
    notice: NOTICES[done ?? ''] ?? null,
    backLink: { href: `/conferences/${context.conference.id}/reports`, text: 'Back to the reports' },
    ...extra,
  });
}

/** One report: write and submit it (RP1–RP4), the chair's RP4 decision, sharing and disagreements (RP5), the family copy. */
export default function reportPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayViewConferenceReports } };

  async function load(request: FastifyRequest<Params>): Promise<LoadedReport> {
    const loaded = await loadReport(db, request.actor, request.params.id);
    const ctx = request.actionContext();
    await auditReport(db, ctx, childrenOf(loaded.report.childId, loaded.context), { action: 'child-record-viewed', recordType: 'report', recordId: loaded.report.id });
    return loaded;
  }

  app.get<Params>('/reports/:id', { config: { access: mayViewConferenceReports, reportLink: true } }, async (request, reply) => renderReport(request, reply, await load(request)));

  /** The report keeps its author's typing as a draft (issue 14). */
  const reportDraft: DraftSpec = {
    formKey: () => 'report',
    target: async (request) => {
      const loaded = await loadReport(db, request.actor, (request.params as { id: string }).id);
      if (!mayEditReport(request.actor, loaded)) throw new ForbiddenError('Only the report’s author keeps a draft of it.');
      return { recordId: loaded.report.id, childIds: childrenOf(loaded.report.childId, loaded.context) };
    },
    pagePath: (request) => `/reports/${(request.params as { id: string }).id}`,
  };
  addDraftRoute(app, '/reports/:id', mayViewConferenceReports, reportDraft, { reportLink: true });

  app.post<Params>('/reports/:id', { config: { access: mayViewConferenceReports, draft: reportDraft, reportLink: true } }, async (request, reply) => {
    const loaded = await loadReport(db, request.actor, request.params.id);
    const parsed = parseForm(versionForm, { version: (request.body as Record<string, unknown>)?.version });
    const content = reportContentFrom(request.body, loaded.kind, loaded.conferenceType);
    if (!parsed.ok) return renderReport(request, reply.code(400), loaded, { errors: parsed.errors, values: request.body });
    const submit = (request.body as Record<string, unknown>).intent === 'submit';
    let saved = false;
    return runAction(reply, async () => {
      await saveReport(db, request.actionContext(), loaded.report.id, { content, version: parsed.data.version });
      saved = true;
      await dropDraft(request, 'report', loaded.report.id);
      if (submit) await submitReport(db, request.actionContext(), loaded.report.id, parsed.data.version + 1);
    }, {
      again: async ({ errors, values }) => {
        if (!saved) return renderReport(request, reply, loaded, { errors, values });
        // Refused on submitting after the draft was saved: the form carries the saved version, so
        // sending it again (corrected) is not taken for someone else's change.
        const current = await loadReport(db, request.actor, loaded.report.id);
        return renderReport(request, reply, current, { errors, values: { ...values, version: String(current.report.version) }, notice: null });
      },
      done: () => reply.redirect(submit ? `/conferences/${loaded.context.conference.id}/reports?done=submitted` : `/reports/${loaded.report.id}?done=saved`),
    });
  });

  app.post<Params>('/reports/:id/confidential', access, async (request, reply) => {
    const parsed = parseForm(confidentialDecisionForm, request.body);
    if (!parsed.ok) return renderReport(request, reply.code(400), await load(request), { errors: parsed.errors });
    await decideConfidentialPresentation(db, request.actionContext(), request.params.id, parsed.data.confidentialChairDecision);
    return reply.redirect(`/reports/${request.params.id}?done=decided`);
  });

  async function renderShare(request: FastifyRequest<Params>, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const loaded = await load(request);
    const { shares, disagreements } = await loadReportSharing(db, loaded.report.id);
    const family = loaded.context.invitations.filter((i) => isFamilyKind(i.inviteeKind) && (i.state === 'sent' || i.state === 'confirmed'));
    return reply.view('reports/share.njk', {
      // Issue 14: the copy in each language the family reads, where a translation file covers it.
      copyLanguages: await familyCopyLanguages(db, loaded.context.conference.id),
      title: 'Share the report with the family',
      conference: conferenceHeader(loaded.context),
      report: loaded.report,
      // The family copy as the family will read it: the page shows only what the PDF holds.
      familyCopy: familyCopyOf(loaded),
      family,
      shares,
      disagreements,
      methods: SHARE_METHODS.map((m) => ({ value: m, text: SHARE_METHOD_LABELS[m] })),
      draft: loaded.report.status === 'draft',
      // `003`: a social work report waits for its team manager's check before it goes to the family.
      refusal: loaded.report.status === 'draft' ? null : sharingRefusal(checkFactsOf(loaded.report)),
      values: { language: 'English' },
      notice: NOTICES[request.query.done ?? ''] ?? null,
      backLink: { href: `/reports/${loaded.report.id}`, text: 'Back to the report' },
      ...extra,
    });
  }

  const shareAccess = { config: { access: mayShareReports } };
  app.get<Params>('/reports/:id/share', shareAccess, async (request, reply) => renderShare(request, reply));

  app.post<Params>('/reports/:id/share', shareAccess, async (request, reply) => {
    return submitShowingValues(reply, shareForm, (data) => shareReport(db, request.actionContext(), request.params.id, data), {
      again: ({ errors, values }) => renderShare(request, reply, { errors, values }),
      done: () => reply.redirect(`/reports/${request.params.id}/share?done=shared`),
    });
  });

  app.post<Params>('/reports/:id/disagreements', shareAccess, async (request, reply) => {
    const parsed = parseForm(disagreementForm, request.body);
    if (!parsed.ok) return renderShare(request, reply.code(400), { errors: parsed.errors, disagreementValues: parsed.values });
    await recordDisagreement(db, request.actionContext(), request.params.id, parsed.data);
    return reply.redirect(`/reports/${request.params.id}/share?done=disagreement`);
  });

  app.get<Params & { Querystring: { language?: string } }>('/reports/:id/family-copy.pdf', shareAccess, async (request, reply) => {
    const language = typeof request.query.language === 'string' && request.query.language !== '' ? request.query.language : null;
    const { pdf, fileName } = await familyCopyPdf(db, request.actionContext(), request.params.id, language);
    return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(pdf);
  });
}
