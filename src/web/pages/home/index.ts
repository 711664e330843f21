import type { FastifyInstance } from 'fastify';
import { formatDateTime } from '../../../domain/deadlines/index.js';
import { allMeasures } from '../../../domain/indicators/indicators.js';
import { monthPeriod } from '../../../domain/indicators/period.js';
import { londonDateOf, londonDateTimeOf } from '../../../domain/calendar/london-time.js';
import { recentIndicatorReport } from '../../../modules/indicators/recent-indicator-report.js';
import { auditChildrenShown } from '../../../modules/audit/child-access.js';
import { keptQueuesFor } from '../../../modules/work-queues/kept-queues.js';
import { sectionsMostUrgentFirst } from '../../../modules/work-queues/work-item.js';
import { performanceFilter, performanceScope } from '../../../policies/performance.js';
import { ROLE_LABELS } from '../../../policies/roles.js';
import { WORK_SECTIONS } from './work-sections.js';

export default function homePage(app: FastifyInstance): void {
  app.get('/', { config: { access: () => true } }, async (request, reply) => {
    const actor = request.actor!;
    const groups = [];
    const shown: string[] = [];
    // Worked out again only when a record they are made from has changed, or the minute has.
    const queues = await keptQueuesFor(app.convene.db, actor, app.convene.clock(), app.convene.settings.pack);
    for (const role of actor.roles) {
      const queue = queues.get(role) ?? {};
      // One ordering for every queue: the section holding the most overdue item comes first.
      const sections = sectionsMostUrgentFirst(WORK_SECTIONS[role].map((s) => ({ ...s, items: queue[s.id] ?? [] })));
      const items = sections.flatMap((s) => s.items);
      for (const item of items) if (item.childIds) shown.push(...item.childIds);
      groups.push({
        role,
        label: ROLE_LABELS[role],
        // A task list: what has work in it, with counts; the quiet sections folded away at the end.
        busy: sections.filter((s) => s.items.length > 0),
        quiet: sections.filter((s) => s.items.length === 0),
        counts: {
          all: items.length,
          overdue: items.filter((i) => i.state?.startsWith('overdue')).length,
          soon: items.filter((i) => i.state === 'due today' || i.state === 'due soon').length,
        },
      });
    }
    // Issue 19: every child the lists name is a disclosure, audited before the page is shown (one INSERT for them all).
    // Started now so the write overlaps the figures below; a failure is kept (never left unhandled) and fails the page.
    const audited = auditChildrenShown(app.convene.db, request.actionContext(), shown, { list: 'home' }).then(() => null, (error: unknown) => ({ error }));
    // A team manager's and a chair's own figures for this month (KP1–KP10, scoped as on /performance).
    const scope = performanceScope(actor);
    let figures = null;
    if (scope && scope.kind !== 'authority') {
      const today = londonDateOf(app.convene.clock()).toString();
      const period = monthPeriod(today);
      const now = app.convene.clock();
      const { report, asAt } = await recentIndicatorReport(app.convene.db, { period, filter: performanceFilter(actor, {})!, pack: app.convene.settings.pack, today, now });
      const wanted = ['KP1.icpc', 'KP2.reviews', 'KP3.first', 'KP4.decisions', 'KP6.visits', 'KP10.quorate'];
      figures = {
        period,
        whose: scope.kind === 'team' ? 'your team' : 'the conferences you chaired',
        measures: allMeasures(report).filter((m) => wanted.includes(m.key)),
        asAt: formatDateTime(londonDateTimeOf(asAt)),
        query: new URLSearchParams({ period: 'month', date: today }).toString(),
      };
    }
    const failed = await audited;
    if (failed) throw failed.error;
    return reply.view('home/page.njk', { title: 'Your work', groups, figures });
  });
}
