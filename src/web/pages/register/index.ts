import type { FastifyInstance } from 'fastify';
import { loadChildrenToPlace } from '../../../modules/register/load-placement-choices.js';
import { recordPlacement } from '../../../modules/register/record-placement.js';
import { CATEGORY_CODES, CATEGORY_LABELS } from '../../../domain/conference/categories.js';
import { AGE_BAND_LABELS, AGE_BANDS, type RegisterFilter } from '../../../domain/register/register-view.js';
import { londonDateOf } from '../../../domain/calendar/london-time.js';
import { exportRegisterCsv, loadRegister, loadRegisterHistory } from '../../../modules/register/load-register.js';
import { mayKeepRegister, mayViewRegister } from '../../../policies/register.js';
import { asArray, parseForm } from '../../forms.js';
import { registerFilterForm } from './form.js';
import { runAction } from '../../forms/run-action.js';

const SORT_LABELS = { name: 'Name', 'plan-start': 'Plan start (longest first)', 'next-review': 'Next review due (soonest first)', category: 'Category' };

/** RG1: the register of children with a plan, its CSV export and its history. */
export default function registerPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayViewRegister } };

  const choices = (teams: { id: string; name: string }[]) => ({
    categories: CATEGORY_CODES.map((c) => ({ value: c, text: `${CATEGORY_LABELS[c]} (${c})` })),
    ageBands: AGE_BANDS.map((b) => ({ value: b, text: AGE_BAND_LABELS[b] })),
    sorts: Object.entries(SORT_LABELS).map(([value, text]) => ({ value, text })),
    teams: teams.map((t) => ({ value: t.id, text: t.name })),
  });

  function parse(request: { query: unknown; actionContext(): { now: Date } }) {
    const today = londonDateOf(request.actionContext().now).toString();
    const parsed = parseForm(registerFilterForm(today), request.query);
    if (!parsed.ok) return { ok: false as const, errors: parsed.errors, values: parsed.values, today };
    const filter: RegisterFilter = { ...parsed.data, asOf: parsed.data.asOf ?? today };
    return { ok: true as const, filter, today, explicitDate: parsed.data.asOf !== undefined };
  }

  const queryOf = (filter: RegisterFilter, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      ...Object.fromEntries(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'page').map(([k, v]) => [k, String(v)])),
      ...extra,
    }).toString();

  app.get('/register', access, async (request, reply) => {
    const parsed = parse(request);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('register/list.njk', { title: 'Register of children with a plan', errors: parsed.errors, values: parsed.values, rows: [], ...choices([]), backLink: { href: '/' } });
    }
    const view = await loadRegister(db, request.actionContext(), parsed.filter, app.convene.settings.pack);
    return reply.view('register/list.njk', {
      title: 'Register of children with a plan', view, mayKeep: mayKeepRegister(request.actionContext().actor), values: { ...parsed.filter, asOf: parsed.explicitDate ? parsed.filter.asOf : '' }, today: parsed.today,
      pastDate: parsed.filter.asOf !== parsed.today, rows: view.rows, ...choices(view.teams),
      exportHref: `/register/export.csv?${queryOf(parsed.filter)}`,
      pagination: {
        previous: view.page > 1 ? { href: `/register?${queryOf(parsed.filter, { page: String(view.page - 1) })}` } : undefined,
        next: view.page < view.pages ? { href: `/register?${queryOf(parsed.filter, { page: String(view.page + 1) })}` } : undefined,
      },
      backLink: { href: '/' },
    });
  });

  app.get('/register/export.csv', access, async (request, reply) => {
    const parsed = parse(request);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('register/list.njk', { title: 'Register of children with a plan', errors: parsed.errors, values: parsed.values, rows: [], ...choices([]), backLink: { href: '/register' } });
    }
    const { csv } = await exportRegisterCsv(db, request.actionContext(), { ...parsed.filter, page: 1 }, app.convene.settings.pack);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="register-${parsed.filter.asOf}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });

  app.get('/register/history', access, async (request, reply) => {
    const history = await loadRegisterHistory(db, request.actionContext());
    return reply.view('register/history.njk', { title: 'Register history', ...history, backLink: { href: '/register' } });
  });

  placementPages(app);
}

/** RG1: recording a child placed here on another authority's plan, so the register lists them. */
export function placementPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayKeepRegister } };
  const title = 'A child placed here on another authority’s plan';
  const children = () => loadChildrenToPlace(db);
  const categories = CATEGORY_CODES.map((c) => ({ value: c, text: CATEGORY_LABELS[c] }));
  app.get('/register/placements/new', access, async (_request, reply) =>
    reply.view('register/placement.njk', { title, values: { categories: [] }, children: await children(), categories, backLink: { href: '/register' } }));
  app.post('/register/placements/new', access, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { ...body, categories: asArray(body.categories) };
    return runAction(reply, () => recordPlacement(db, request.actionContext(), values), {
      values,
      done: () => reply.redirect('/register?responsible=other'),
      again: async ({ errors }) => reply.view('register/placement.njk', { title, errors, values, children: await children(), categories, backLink: { href: '/register' } }),
    });
  });
}
