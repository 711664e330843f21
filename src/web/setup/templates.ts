import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { plainCitations } from '../../domain/rules/procedure-titles.js';
import { ROLE_LABELS } from '../../policies/roles.js';
import { GOVUK_DIST } from './static-assets.js';
import { datePartsOf } from '../input/date-input.js';
import { navigationFor } from '../navigation.js';
import { csrfTokenFor } from './sessions.js';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, type SessionRow } from '../../modules/accounts/session-store.js';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Templates are read and compiled once per process, in every mode: compiling on each render was
 * 60–84% of a page's time. A developer editing templates asks for them to be re-read on every
 * render with CONVENE_TEMPLATE_WATCH=1 (settings.templateWatch).
 */
export function createTemplateEnvironment(options: { watch?: boolean } = {}): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [path.join(WEB_DIR, 'pages'), path.join(WEB_DIR, 'components'), path.join(WEB_DIR, 'layouts'), GOVUK_DIST],
      { noCache: options.watch ?? false },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  env.addFilter('ukDate', (value: unknown) => formatUkDate(value));
  // A plain string (or undefined), so `{% if e %}` is false when the field has no error:
  // a macro's output is a SafeString object, which is always truthy.
  env.addGlobal('fieldError', (errors: unknown, field: string) =>
    Array.isArray(errors) ? (errors as { field: string; message: string }[]).find((e) => e.field === field)?.message : undefined,
  );
  // The GOV.UK date input's three boxes: what was typed (a refused form) or the held date split up.
  env.addGlobal('dateBoxes', (values: unknown, name: string, fallback?: unknown) => {
    const v = (values && typeof values === 'object' ? values : {}) as Record<string, unknown>;
    if (`${name}-day` in v || `${name}-month` in v || `${name}-year` in v) {
      const s = (x: unknown) => (typeof x === 'string' ? x : '');
      return { day: s(v[`${name}-day`]), month: s(v[`${name}-month`]), year: s(v[`${name}-year`]) };
    }
    return datePartsOf(v[name] || fallback);
  });
  env.addGlobal('fieldErrorParts', (errors: unknown, field: string) => {
    const found = Array.isArray(errors) ? (errors as { field: string; parts?: string[] }[]).find((e) => e.field === field) : undefined;
    return found ? (found.parts ?? ['day', 'month', 'year']) : [];
  });
  env.addFilter('ukDateTime', (value: unknown) => formatUkDateTime(value));
  // Nunjucks' own trim strips with /^\s*|\s*$/, which V8 runs in time quadratic in the length of
  // the string's whitespace runs: GOV.UK's macros trim every component's whole output, and it was
  // a fifth of the time of rendering a page. String.prototype.trim removes the same characters.
  const { copySafeness } = nunjucks.runtime as unknown as { copySafeness(from: unknown, to: string): unknown };
  env.addFilter('trim', (value: unknown) => copySafeness(value, String(value ?? '').trim()));
  return env;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

export function formatUkDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // An impossible date typed into a form (2026-13-45) is shown as typed, never thrown.
    const noon = new Date(`${value}T12:00:00Z`);
    return Number.isNaN(noon.getTime()) ? value : dateFormat.format(noon);
  }
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : dateFormat.format(d);
}

export function formatUkDateTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : dateTimeFormat.format(d);
}

/** How many seconds before the idle timeout the page warns (public/session.js, issue 14). */
export const SESSION_WARNING_SECONDS = 5 * 60;

/** What a signed-in page tells its script about the session: how long it has, and when to warn. */
export function sessionTimeoutFor(session: Pick<SessionRow, 'createdAt' | 'lastSeenAt'>, now: Date): { idleSeconds: number; warnSeconds: number; remainingSeconds: number } {
  const idleLeft = IDLE_TIMEOUT_MS - (now.getTime() - session.lastSeenAt.getTime());
  const absoluteLeft = ABSOLUTE_TIMEOUT_MS - (now.getTime() - session.createdAt.getTime());
  return {
    idleSeconds: IDLE_TIMEOUT_MS / 1000,
    warnSeconds: SESSION_WARNING_SECONDS,
    remainingSeconds: Math.max(0, Math.floor(Math.min(idleLeft, absoluteLeft) / 1000)),
  };
}

export function setUpTemplates(app: FastifyInstance): void {
  const env = createTemplateEnvironment({ watch: app.convene.settings.templateWatch });
  app.decorateReply('view', async function view(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request = this.request as FastifyRequest;
    const actor = request.actor;
    const html = env.render(template, {
      ...context,
      csrfToken: csrfTokenFor(request, this),
      currentUser: actor && {
        ...actor,
        roleLabels: actor.reportLink ? 'through your invitation’s report link' : actor.roles.map((r) => ROLE_LABELS[r]).join(', '),
      },
      navigation: navigationFor(actor, request.url),
      sessionTimeout: actor && request.session ? sessionTimeoutFor(request.session, request.server.convene.clock()) : null,
    });
    // Every page names a procedure by its title, never by its stored file name (issue 14, plain words).
    return this.type('text/html; charset=utf-8').send(plainCitations(html));
  });
  // Issue 16: the sign-in page is the one most asked for, and for every anonymous visitor it differs
  // only in their CSRF token. It is rendered once per key with a placeholder where the token goes;
  // each request gets that HTML with its own token put in. Never for a signed-in person, and never
  // while templates are watched for changes.
  const rendered = new Map<string, string>();
  app.decorateReply('viewAnonymous', async function viewAnonymous(this: FastifyReply, template: string, context: Record<string, unknown>, key: string) {
    const request = this.request as FastifyRequest;
    if (request.actor || request.session || app.convene.settings.templateWatch) return this.view(template, context);
    const cacheKey = `${template}\u0000${key}`;
    let html = rendered.get(cacheKey);
    if (html === undefined) {
      html = plainCitations(env.render(template, { ...context, csrfToken: CSRF_PLACEHOLDER, currentUser: null, navigation: navigationFor(null, request.url), sessionTimeout: null }));
      rendered.set(cacheKey, html);
    }
    return this.type('text/html; charset=utf-8').send(html.replaceAll(CSRF_PLACEHOLDER, csrfTokenFor(request, this)));
  });
}

/** Letters a CSRF token (base64url) never holds, so the placeholder is never part of a real page. */
const CSRF_PLACEHOLDER = 'CSRF.PLACEHOLDER.CSRF';
