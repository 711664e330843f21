import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadSignedInUser } from '../modules/accounts/load-actor.js';
import { loadReportLinkActor } from '../modules/report-links/load-report-link-actor.js';
import { discardFormDraft } from '../modules/drafts/discard-form-draft.js';
import { loadFormDraft } from '../modules/drafts/load-form-draft.js';
import { saveFormDraft } from '../modules/drafts/save-form-draft.js';
import type { EndedSession, RouteAccess } from './types.js';

/**
 * Drafts of the long forms (issue 14): the agency and social work reports, the conference record
 * written in the meeting and the outline plan. Each such form names a `DraftSpec`; then
 * - `POST <form>/draft` keeps what has been typed so far (the page's script sends it as the person
 *   types, debounced; modules/drafts/save-form-draft.ts audits it as a write of each child's record);
 * - the form's page fills itself from the person's own draft with a notice and a way to discard it;
 * - a form POSTed after its session has ended is kept as a draft for that person before they are
 *   sent to sign in, and `next` brings them back to it (setup/sessions.ts);
 * - a successful submit deletes the draft.
 */
export interface DraftSpec {
  /** Which form, e.g. 'record' or `outline-plan-${childId}`. */
  formKey(request: FastifyRequest): string;
  /**
   * The record the form writes to and the children it is about, after the same checks as the form
   * page itself (these loaders refuse someone without a relationship to the record).
   */
  target(request: FastifyRequest): Promise<{ recordId: string; childIds: string[] }>;
  /** The form's own page, to come back to. */
  pagePath(request: FastifyRequest): string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is a long form whose typing is kept as a draft (see web/drafts.ts). */
    draft?: DraftSpec;
  }
}

/** Adds `POST <formPath>/draft`, which keeps what was typed; answers the time it was saved. */
export function addDraftRoute(app: FastifyInstance, formPath: string, access: RouteAccess, spec: DraftSpec, options: { reportLink?: boolean } = {}): void {
  app.post(`${formPath}/draft`, { config: { access, ...options } }, async (request, reply) => {
    const { recordId, childIds } = await spec.target(request);
    const { savedAt } = await saveFormDraft(app.convene.db, request.actionContext(), {
      formKey: spec.formKey(request), recordId, childIds, path: spec.pagePath(request), body: request.body,
    });
    return reply.header('Cache-Control', 'no-store').send({ savedAt: savedAt.toISOString(), savedAtText: londonTime(savedAt) });
  });
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
export function londonTime(at: Date): string {
  return timeFormat.format(at);
}

export interface RestoredDraft {
  id: string;
  savedAtText: string;
  fields: Record<string, string | string[]>;
}

/**
 * The person's own draft of this form, to fill it from, or null. The caller has opened the record
 * (and audited that read) already.
 */
export async function restoreDraft(request: FastifyRequest, formKey: string, recordId: string): Promise<RestoredDraft | null> {
  const draft = await loadFormDraft(request.server.convene.db, request.actionContext(), formKey, recordId);
  return draft ? { id: draft.id, savedAtText: londonTime(draft.savedAt), fields: draft.fields } : null;
}

/** After a successful submit: the draft has done its job. */
export async function dropDraft(request: FastifyRequest, formKey: string, recordId: string): Promise<void> {
  await discardFormDraft(request.server.convene.db, request.actionContext(), { formKey, recordId }, 'submitted');
}

/**
 * A form POSTed by someone whose session has just ended (the CSRF token is their ended session's,
 * so the form came from their own page): keep what they typed as their draft, then send them to
 * sign in and back to the form. Nothing typed is lost. Refused quietly (nothing kept) when they
 * could no longer open the record, or their account has been closed.
 */
export async function keepFormAfterSessionEnded(request: FastifyRequest, reply: FastifyReply, ended: EndedSession, spec: DraftSpec): Promise<FastifyReply> {
  const { db } = request.server.convene;
  let next = '/';
  try {
    next = spec.pagePath(request);
    // A report link's holder (issue 17) has no sign-in: their draft waits for the next link the organiser sends.
    const actor = ended.reportLinkId
      ? request.routeOptions.config?.reportLink === true ? await loadReportLinkActor(db, ended.reportLinkId) : null
      : ended.userId ? (await loadSignedInUser(db, ended.userId))?.actor ?? null : null;
    const access = request.routeOptions.config?.access;
    if (actor && typeof access === 'function' && access(actor)) {
      // Only for this request, and only to check access and keep the draft: the response is the sign-in page.
      request.actor = actor;
      const { recordId, childIds } = await spec.target(request);
      await saveFormDraft(db, request.actionContext(), { formKey: spec.formKey(request), recordId, childIds, path: next, body: request.body });
      request.log.info({ url: request.url, user: actor.id }, 'session ended: the form was kept as a draft');
    }
  } catch (error) {
    request.log.warn({ err: error, url: request.url }, 'session ended: the form could not be kept as a draft');
  } finally {
    request.actor = null;
  }
  if (ended.reportLinkId) return reply.redirect('/report-access/ended', 303);
  return reply.redirect(`/sign-in?ended=1&next=${encodeURIComponent(next)}`, 303);
}
