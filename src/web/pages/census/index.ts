import type { FastifyInstance, FastifyReply } from 'fastify';
import { CENSUS_RULES } from '../../../domain/census/validate.js';
import { censusExportJob, startCensusExport } from '../../../modules/census/census-export-job.js';
import { exportCensus } from '../../../modules/census/export-census.js';
import { exportCpis } from '../../../modules/census/export-cpis.js';
import { cpisCsv } from '../../../domain/records/cpis-feed.js';
import { NotFoundError } from '../../../modules/shared/errors.js';
import { mayExportCensus } from '../../../policies/performance.js';
import { londonIsoDate } from '../../../domain/calendar/london-time.js';
import { runAction, type Refusal } from '../../forms/run-action.js';

const access = { config: { access: mayExportCensus } };

/**
 * The CIN census return: check the year (in the background, the page showing how many children
 * are checked so far), see every failure with a link to fix it, then download the file.
 */
export default function censusPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const page = (reply: FastifyReply, extra: Record<string, unknown>) =>
    reply.view('census/page.njk', { title: 'Children in Need census return', rules: CENSUS_RULES, backLink: { href: '/performance' }, ...extra });

  app.get('/census', access, async (_request, reply) => {
    const now = app.convene.clock();
    // The most recent 31 March that has passed: the year a return is usually due for.
    const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    return page(reply, { values: { referenceDate: `${year}-03-31`, laCode: '' } });
  });

  // Checks this instance is running: on shutdown it waits for them, so none writes to a closed database.
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.all([...running]);
  });

  app.post<{ Body: { referenceDate?: string; laCode?: string; download?: string } }>('/census', access, async (request, reply) => {
    const values = { referenceDate: String(request.body?.referenceDate ?? '').trim(), laCode: String(request.body?.laCode ?? '').trim() };
    const input = { ...values, version: '0.1.0' };
    const refused = { values, again: ({ errors }: Refusal) => page(reply, { values, errors }) };
    if (request.body?.download !== 'yes') {
      return runAction(reply, async () => {
        const started = await startCensusExport(db, request.actionContext(), input, app.convene.clock);
        running.add(started.settled);
        void started.settled.finally(() => running.delete(started.settled));
        return started.id;
      }, { ...refused, done: (id) => reply.redirect(`/census/checks/${id}`) });
    }
    return runAction(reply, () => exportCensus(db, request.actionContext(), input), {
      ...refused,
      done: (result) => {
        if (result.errors === 0) {
          return reply.header('content-type', 'application/xml; charset=utf-8')
            .header('content-disposition', `attachment; filename="cin-census-${result.referenceDate}.xml"`).send(result.xml);
        }
        return page(reply, { values, result: { referenceDate: result.referenceDate, childCount: result.children.length, failures: result.failures, errors: result.errors, queries: result.queries } });
      },
    });
  });

  // A check under way: how far it has got, and a link to look again (no JavaScript, no timed refresh).
  app.get<{ Params: { id: string } }>('/census/checks/:id', access, async (request, reply) => {
    const job = await censusExportJob(db, request.actionContext(), request.params.id, app.convene.clock());
    if (!job) throw new NotFoundError('That census check is over a day old and has been deleted, or was not yours: check the year again.');
    const values = { referenceDate: job.referenceDate, laCode: job.laCode };
    if (job.state === 'running') return page(reply, { values, progress: { id: job.id, checked: job.checked, total: job.total ?? 0, reading: job.total === null } });
    if (job.state === 'failed' || job.state === 'stopped') {
      request.log.error({ censusCheck: job.id, state: job.state }, 'census check did not finish');
      reply.code(500);
      return page(reply, { values, errors: [{ field: 'form', message: 'The check stopped before it finished: check the year again, and tell support if it stops again.' }] });
    }
    return page(reply, { values, result: job.result });
  });

  // The CP-IS feed (health's view of children on plans): a window of days, shown, then downloaded as CSV.
  app.get('/cp-is', access, async (_request, reply) => {
    const today = londonIsoDate(app.convene.clock());
    return reply.view('census/cpis.njk', { title: 'CP-IS feed', values: { from: `${today.slice(0, 8)}01`, to: today }, backLink: { href: '/census' } });
  });
  app.post<{ Body: { from?: string; to?: string; download?: string } }>('/cp-is', access, async (request, reply) => {
    const values = { from: String(request.body?.from ?? '').trim(), to: String(request.body?.to ?? '').trim() };
    return runAction(reply, () => exportCpis(db, request.actionContext(), values), {
      values,
      done: (feed) => {
        if (request.body?.download === 'yes') {
          return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cp-is-${feed.from}-to-${feed.to}.csv"`).send(cpisCsv(feed.rows));
        }
        return reply.view('census/cpis.njk', { title: 'CP-IS feed', values, feed, backLink: { href: '/census' } });
      },
      again: ({ errors }) => reply.view('census/cpis.njk', { title: 'CP-IS feed', values, errors, backLink: { href: '/census' } }),
    });
  });
}
