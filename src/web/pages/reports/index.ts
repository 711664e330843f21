import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { headingsFor, REPORT_KIND_LABELS, type ReportKind } from '../../../domain/reports/headings.js';
import { REPORT_STATE_LABELS } from '../../../domain/reports/report-deadlines.js';
import { conferenceForReports, invitedConferences, startedAgencyReport } from '../../../modules/reports/conference-access.js';
import { loadConferenceReports } from '../../../modules/reports/load-readiness.js';
import { identityPromptsFor } from '../../../modules/plans/plan-queue-items.js';
import { section47SharingWarnings } from '../../../modules/front-door/load-section-47-sharing.js';
import { auditReport, childrenOf, loadReport, reportConferenceType } from '../../../modules/reports/report-common.js';
import { ReportAlreadyStartedError, startReport } from '../../../modules/reports/save-report.js';
import { mayListOwnConferences, mayViewConferenceReports, mayViewReadiness, mayWriteReports, mayWriteSocialWorkReport, maySeeAllReports } from '../../../policies/reports.js';
import { parseForm } from '../../forms.js';
import { runAction } from '../../forms/run-action.js';
import { addDraftRoute, dropDraft, restoreDraft, type DraftSpec } from '../../drafts.js';
import { newReportForm, reportContentFrom } from './form.js';
import { conferenceHeader } from '../../components/conference-header.js';
import { ANSWER_LABELS, forecastRows, kindLabel, readinessRows } from './presenter.js';
import reportPages, { renderReport } from './report-routes.js';
import managerCheckPages from './manager-check-routes.js';
import { readinessWarnings } from '../../../domain/reports/manager-checks.js';
import { checkFactsOf } from '../../../modules/reports/manager-checks.js';
import { categoryOptions, markingOptions } from './options.js';
import { formatDateTime } from '../../../domain/deadlines/index.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../../domain/conference/kinds.js';
import { londonDateTimeOf } from '../../../domain/calendar/london-time.js';

type Params = { Params: { id: string }; Querystring: { kind?: string; child?: string; done?: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One draft per kind of new report and child (a social work report is written per child). */
function newReportDraftKey(kind: string, childId: string | null): string {
  return `report-new-${kind}-${childId && UUID.test(childId) ? childId.toLowerCase() : 'all'}`;
}


/** Reports to conference (RP1–RP6, TS12–TS16), the chair's readiness view, and an agency practitioner's conferences. */
export default async function reportsArea(app: FastifyInstance): Promise<void> {
  const { db } = app.convene;

  app.get('/my-conferences', { config: { access: mayListOwnConferences } }, async (request, reply) => {
    const rows = await invitedConferences(db, request.actor!.id);
    return reply.view('reports/my-conferences.njk', {
      title: 'My conferences',
      rows: rows.map((r) => ({ ...r, canWrite: mayWriteReports(request.actor) && r.conference.status !== 'cancelled', label: CONFERENCE_KIND_LABELS[r.conference.kind as ConferenceKind] ?? 'Conference', when: r.conference.scheduledStart ? formatDateTime(londonDateTimeOf(r.conference.scheduledStart)) : 'Not yet booked' })),
      backLink: { href: '/' },
    });
  });

  app.get<Params>('/conferences/:id/reports', { config: { access: mayViewConferenceReports, reportLink: true } }, async (request, reply) => {
    const data = await loadConferenceReports(db, request.actionContext(), request.params.id);
    const { context } = data;
    const own = context.ownInvitation ? data.written.find((r) => r.invitationId === context.ownInvitation!.id) : null;
    return reply.view('reports/list.njk', {
      title: 'Reports to the conference',
      conference: conferenceHeader(context),
      rows: data.readiness ? readinessRows(data.readiness) : [],
      written: data.written.map((r) => ({ id: r.id, kind: kindLabel(r.kind), status: r.status, author: r.authorDetails.author ?? '', child: context.children.find((c) => c.childId === r.childId)?.name ?? 'All children' })),
      seesAll: context.access === 'all',
      canWriteAgency: context.ownInvitation !== null && !own && mayWriteReports(request.actor),
      canWriteSocialWork: mayWriteSocialWorkReport(request.actor),
      subjects: context.subjects,
      familyNeedsTime: data.familyNeedsTime,
      notice: request.query.done === 'submitted' ? 'The report has been submitted to the chair.' : null,
      backLink: context.access === 'all' ? { href: `/conferences/${context.conference.id}`, text: 'Back to the conference' } : request.actor?.reportLink ? null : { href: '/my-conferences', text: 'Back to my conferences' },
    });
  });

  async function renderNew(request: FastifyRequest<Params>, reply: FastifyReply, kind: ReportKind, childId: string | null, extra: Record<string, unknown> = {}) {
    const context = await conferenceForReports(db, request.actor, request.params.id);
    const conferenceType = reportConferenceType(kind, childId, context);
    // Coming back to a report not yet started: the person's own draft of it, if any (issue 14).
    const draft = 'values' in extra ? null : await restoreDraft(request, newReportDraftKey(kind, childId), request.params.id);
    return reply.view('reports/report-form.njk', {
      title: `New ${REPORT_KIND_LABELS[kind].toLowerCase()}`,
      conference: conferenceHeader(context),
      kind,
      kindLabel: REPORT_KIND_LABELS[kind],
      childId,
      childName: context.children.find((c) => c.childId === childId)?.name ?? null,
      headings: headingsFor(kind, conferenceType),
      conferenceType,
      markingOptions,
      categoryOptions,
      action: `/conferences/${request.params.id}/reports/new`,
      isNew: true,
      values: draft ? { ...draft.fields } : {},
      draft, draftUrl: `/conferences/${request.params.id}/reports/new/draft`,
      backLink: { href: `/conferences/${request.params.id}/reports`, text: 'Back to the reports' },
      ...extra,
    });
  }

  /**
   * The report was started already (a second click, the back button, a refused form sent again):
   * nothing typed is lost. The started report's form comes back holding what was just typed, so
   * saving it carries on that report; a report this person may not open keeps the new form.
   */
  async function alreadyStarted(request: FastifyRequest<Params>, reply: FastifyReply, reportId: string, kind: ReportKind, childId: string | null) {
    reply.code(409);
    const typed = { ...(request.body as Record<string, unknown>) };
    delete typed._csrf;
    const loaded = await loadReport(db, request.actor, reportId).catch(() => null);
    if (!loaded || loaded.report.status !== 'draft' || loaded.report.authorId !== request.actor?.id) {
      const message = 'That report has already been started by someone else or already submitted: copy what you typed below, then open it from the list of reports.';
      return renderNew(request, reply, kind, childId, { errors: [{ field: 'report-form', message }], values: typed });
    }
    await auditReport(db, request.actionContext(), childrenOf(loaded.report.childId, loaded.context), { action: 'child-record-viewed', recordType: 'report', recordId: loaded.report.id });
    const message = 'You had already started this report. What you have just typed is below and is not saved yet: save it to carry on the started report.';
    return renderReport(request, reply, loaded, { errors: [{ field: 'report-form', message }], values: { ...typed, version: String(loaded.report.version) } });
  }

  app.get<Params>('/conferences/:id/reports/new', { config: { access: mayWriteReports, reportLink: true } }, async (request, reply) => {
    const kind: ReportKind = request.query.kind === 'social-work' || request.query.kind === 'family-views' ? request.query.kind : 'agency';
    if (kind !== 'agency' && !mayWriteSocialWorkReport(request.actor)) return reply.callNotFound();
    if (kind === 'agency') {
      // A report already started is carried on, never started twice (the back button, an old link).
      const { ownInvitation } = await conferenceForReports(db, request.actor, request.params.id);
      const started = ownInvitation ? await startedAgencyReport(db, ownInvitation.id) : null;
      if (started) return reply.redirect(`/reports/${started}`);
    }
    return renderNew(request, reply, kind, request.query.child ?? null);
  });

  /** A report not yet started keeps its author's typing as a draft, by kind and child (issue 14). */
  const newReportDraft: DraftSpec = {
    formKey: (request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const kind = body.kind === 'social-work' || body.kind === 'family-views' ? body.kind : 'agency';
      return newReportDraftKey(kind, typeof body.childId === 'string' ? body.childId : null);
    },
    target: async (request) => {
      const context = await conferenceForReports(db, request.actor, (request.params as { id: string }).id);
      return { recordId: context.conference.id, childIds: context.subjects.map((c) => c.childId) };
    },
    pagePath: (request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const query = new URLSearchParams();
      if (typeof body.kind === 'string' && /^[a-z-]{1,20}$/.test(body.kind)) query.set('kind', body.kind);
      if (typeof body.childId === 'string' && UUID.test(body.childId)) query.set('child', body.childId);
      return `/conferences/${(request.params as { id: string }).id}/reports/new?${query.toString()}`;
    },
  };
  addDraftRoute(app, '/conferences/:id/reports/new', mayWriteReports, newReportDraft, { reportLink: true });

  app.post<Params>('/conferences/:id/reports/new', { config: { access: mayWriteReports, draft: newReportDraft, reportLink: true } }, async (request, reply) => {
    const parsed = parseForm(newReportForm, request.body);
    if (!parsed.ok) return reply.code(400).view('errors/bad-request.njk', { title: 'That request could not be understood' });
    const { kind, childId, familyMember } = parsed.data;
    const context = await conferenceForReports(db, request.actor, request.params.id);
    const content = reportContentFrom(request.body, kind, reportConferenceType(kind, childId, context));
    return runAction(reply, () => startReport(db, request.actionContext(), request.params.id, { kind, childId, familyMember, content }), {
      again: ({ error, errors, values }) =>
        error instanceof ReportAlreadyStartedError ? alreadyStarted(request, reply, error.reportId, kind, childId) : renderNew(request, reply, kind, childId, { errors, values }),
      done: async (id) => {
        await dropDraft(request, newReportDraftKey(kind, childId ?? null), request.params.id);
        return reply.redirect(`/reports/${id}?done=saved`);
      },
    });
  });

  app.get<Params>('/conferences/:id/readiness', { config: { access: mayViewReadiness } }, async (request, reply) => {
    const data = await loadConferenceReports(db, request.actionContext(), request.params.id);
    if (!maySeeAllReports(request.actor)) return reply.callNotFound();
    const r = data.readiness;
    // PL4: a review conference discusses contact with the birth family for every child on a plan.
    const identityPrompts = data.context.isInitial ? [] : await identityPromptsFor(db, data.context.subjects);
    // `003`: each social work report's manager checks, as warnings to the chair.
    const managerWarnings = data.written
      .filter((w) => w.kind === 'social-work')
      .flatMap((w) => readinessWarnings(checkFactsOf(w), data.context.children.find((c) => c.childId === w.childId)?.name ?? 'a child'));
    // FD6: an initial conference follows the section 47 outcome, whose record must reach the family first.
    const s47Warnings = data.context.isInitial
      ? await section47SharingWarnings(db, data.context.subjects.map((c) => c.childId), data.context.conference.scheduledStart, request.actionContext().now)
      : [];
    return reply.view('reports/readiness.njk', {
      identityPrompts,
      managerWarnings,
      s47Warnings,
      title: 'Is the conference ready?',
      conference: conferenceHeader(data.context),
      booked: r !== null,
      rows: r ? readinessRows(r) : [],
      counts: r?.counts ?? null,
      stateLabels: REPORT_STATE_LABELS,
      attendance: r ? r.attendance.map((a) => ({ ...a.invitee, answer: ANSWER_LABELS[a.answer] })) : [],
      forecasts: r ? forecastRows(r) : [],
      backLink: { href: `/conferences/${request.params.id}`, text: 'Back to the conference' },
    });
  });

  reportPages(app);
  managerCheckPages(app);
}
