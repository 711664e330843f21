import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { periodOf, PeriodError, type Period } from '../../../domain/indicators/period.js';
import type { IndicatorFilter } from '../../../domain/indicators/records.js';
import { NATIONAL_ICPC_LINES, NATIONAL_PLANS_ENDED_2_YEARS } from '../../../domain/indicators/icpc-timeliness.js';
import { allMeasures } from '../../../domain/indicators/indicators.js';
import { recordAudit } from '../../../modules/audit/record-audit.js';
import { londonDateOf } from '../../../domain/calendar/london-time.js';
import { loadDrillDown, loadPerformance, type PerformanceView } from '../../../modules/indicators/load-performance.js';
import { mayViewPerformance, performanceFilter, performanceScope } from '../../../policies/performance.js';
import { parseForm } from '../../forms.js';
import { barChart } from './charts.js';
import { toCsv } from './csv.js';
import { performanceFilterForm, type PerformanceFilterInput } from './form.js';

type Query = { Querystring: Record<string, string> };

interface Resolved {
  input: PerformanceFilterInput;
  period: Period;
  filter: IndicatorFilter;
  today: string;
  query: string;
}

/** Parses the filters and applies the person's scope: 400 with field errors, or 403 beyond their scope. */
async function resolve(app: FastifyInstance, request: FastifyRequest<Query>, reply: FastifyReply): Promise<Resolved | null> {
  const today = londonDateOf(app.convene.clock()).toString();
  const parsed = parseForm(performanceFilterForm, request.query);
  if (!parsed.ok) {
    reply.code(400);
    await reply.view('performance/page.njk', { title: 'Performance', errors: parsed.errors, values: parsed.values, empty: true, backLink: { href: '/' } });
    return null;
  }
  const input = parsed.data;
  let period: Period;
  try {
    period = periodOf(input.period, input.period === 'custom' ? input.from! : (input.date ?? today), input.to);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    reply.code(400);
    await reply.view('performance/page.njk', { title: 'Performance', errors: [{ field: 'to', message: error.message }], values: input, empty: true, backLink: { href: '/' } });
    return null;
  }
  const requested: IndicatorFilter = { ...(input.team ? { teamId: input.team } : {}), ...(input.chair ? { chairId: input.chair } : {}) };
  const filter = performanceFilter(request.actor, requested);
  if (!filter) {
    reply.code(403);
    await reply.view('errors/forbidden.njk', { title: 'You do not have permission to see this page' });
    return null;
  }
  const params = new URLSearchParams({ period: input.period });
  if (input.period === 'custom') {
    params.set('from', period.from);
    params.set('to', period.to);
  } else params.set('date', input.date ?? today);
  if (input.team) params.set('team', input.team);
  if (input.chair) params.set('chair', input.chair);
  return { input, period, filter, today, query: params.toString() };
}

function notFound(reply: FastifyReply) {
  reply.code(404);
  return reply.view('errors/not-found.njk', { title: 'Page not found' });
}

function percentText(p: number | null): string {
  return p === null ? 'none counted' : `${p}%`;
}

function charts(view: PerformanceView) {
  const t = view.report.icpcTimeliness;
  const bands = barChart({
    id: 'chart-bands', title: 'Initial conferences by working days from the start of the section 47 enquiry',
    description: `${t.count} children. ${t.bands.map((b) => `${b.label}: ${b.count}`).join('. ')}.`,
    rows: t.bands.map((b) => ({ label: b.label, value: b.count, text: `${b.count} (${percentText(b.percent)})` })),
    max: Math.max(1, ...t.bands.map((b) => b.count)),
  });
  const trend = barChart({
    id: 'chart-trend', title: 'Initial conferences within 15 working days, by month',
    description: view.trend.map((p) => `${p.label}: ${percentText(p.icpc.percent)}`).join('. '),
    rows: view.trend.map((p) => ({ label: p.label, value: p.icpc.percent, text: p.icpc.denominator ? `${p.icpc.percent}% of ${p.icpc.denominator}` : 'none held' })),
    max: 100,
    lines: [{ value: NATIONAL_ICPC_LINES[1].within15Percent, label: `England ${NATIONAL_ICPC_LINES[1].year}: ${NATIONAL_ICPC_LINES[1].within15Percent}%` }],
  });
  const teams = view.byTeam
    ? barChart({
        id: 'chart-teams', title: 'Initial conferences within timescale, by team',
        description: view.byTeam.map((r) => `${r.team}: ${percentText(r.icpc.percent)}`).join('. '),
        rows: view.byTeam.map((r) => ({ label: r.team, value: r.icpc.percent, text: r.icpc.denominator ? `${r.icpc.percent}% of ${r.icpc.denominator}` : 'none held' })),
        max: 100,
      })
    : null;
  return { bands, trend, teams };
}

export default function performancePages(app: FastifyInstance): void {
  const { db } = app.convene;
  const pack = app.convene.settings.pack;

  /**
   * The children behind one measure, read on screen or exported (audited as such); null once the
   * reply has answered instead: the filters refused, or no such measure (404).
   */
  async function drillDown(request: FastifyRequest<Query>, reply: FastifyReply, purpose: 'view' | 'csv') {
    const r = await resolve(app, request, reply);
    if (!r) return null;
    const found = r.input.measure ? await loadDrillDown(db, request.actionContext(), { period: r.period, filter: r.filter, pack, today: r.today, measureKey: r.input.measure, purpose }) : null;
    if (!found) {
      await notFound(reply);
      return null;
    }
    return { r, found };
  }

  /** The whole report for the filters; by team only for an authority-wide view not already narrowed to a team. */
  async function performanceView(request: FastifyRequest<Query>, r: Resolved) {
    const scope = performanceScope(request.actor)!;
    return { scope, view: await loadPerformance(db, { period: r.period, filter: r.filter, pack, today: r.today, byTeam: scope.kind === 'authority' && !r.filter.teamId }) };
  }

  app.get<Query>('/performance', { config: { access: mayViewPerformance } }, async (request, reply) => {
    const r = await resolve(app, request, reply);
    if (!r) return reply;
    const { scope, view } = await performanceView(request, r);
    return reply.view('performance/page.njk', {
      title: 'Performance', values: r.input, period: r.period, query: r.query, scope,
      report: view.report, trend: view.trend, byTeam: view.byTeam, teams: view.teams, chairs: view.chairs,
      charts: charts(view), national: NATIONAL_ICPC_LINES, nationalEnded: NATIONAL_PLANS_ENDED_2_YEARS,
      empty: view.report.empty, backLink: { href: '/' },
    });
  });

  app.get<Query>('/performance/children', { config: { access: mayViewPerformance } }, async (request, reply) => {
    const shown = await drillDown(request, reply, 'view');
    if (!shown) return reply;
    const { r, found } = shown;
    return reply.view('performance/children.njk', {
      title: found.measure.title, measure: found.measure, rows: found.rows, period: r.period, query: r.query,
      backLink: { href: `/performance?${r.query}`, text: 'Back to performance' },
    });
  });

  app.get<Query>('/performance/children.csv', { config: { access: mayViewPerformance } }, async (request, reply) => {
    const shown = await drillDown(request, reply, 'csv');
    if (!shown) return reply;
    const { r, found } = shown;
    const csv = toCsv(['child', 'child record id', 'date', 'on time', 'detail'], found.rows.flatMap((row) => row.names.map((n) => [n.name, n.id, row.date, row.met ? 'yes' : 'no', row.detail])));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${found.measure.key}-${r.period.from}-${r.period.to}.csv"`)
      .send(csv);
  });

  app.get<Query>('/performance/export.csv', { config: { access: mayViewPerformance } }, async (request, reply) => {
    const r = await resolve(app, request, reply);
    if (!r) return reply;
    const table = r.input.table ?? 'measures';
    if (!['measures', 'bands', 'trend', 'teams'].includes(table)) return notFound(reply);
    const { view } = await performanceView(request, r);
    let csv: string;
    if (table === 'measures') {
      csv = toCsv(['indicator', 'measure', 'rule', 'numerator', 'denominator', 'percent', 'note', 'definition'],
        allMeasures(view.report).map((m) => [m.indicator, m.title, m.rule, m.numerator, m.denominator, m.percent, m.note, m.definition]));
    } else if (table === 'bands') {
      const t = view.report.icpcTimeliness;
      csv = toCsv(['band', 'children', 'percent'], [...t.bands.map((b) => [b.label, b.count, b.percent] as const), ['within 15 working days', t.within15, t.within15Percent], ['median working days', t.medianWorkingDays, null]]);
    } else if (table === 'trend') {
      csv = toCsv(['month', 'from', 'to', 'ICPCs on time', 'ICPCs', 'ICPC percent', 'reviews on time', 'reviews due', 'review percent'],
        view.trend.map((p) => [p.label, p.from, p.to, p.icpc.numerator, p.icpc.denominator, p.icpc.percent, p.reviews.numerator, p.reviews.denominator, p.reviews.percent]));
    } else {
      csv = toCsv(['team', 'ICPCs on time', 'ICPCs', 'ICPC percent', 'reviews on time', 'reviews due', 'review percent'],
        (view.byTeam ?? []).map((t) => [t.team, t.icpc.numerator, t.icpc.denominator, t.icpc.percent, t.reviews.numerator, t.reviews.denominator, t.reviews.percent]));
    }
    await recordAudit(db, request.actionContext(), {
      action: 'performance-exported', recordType: 'performance-indicators', recordId: table,
      details: { table, format: 'csv', from: r.period.from, to: r.period.to, ...r.filter },
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="performance-${table}-${r.period.from}-${r.period.to}.csv"`)
      .send(csv);
  });
}
