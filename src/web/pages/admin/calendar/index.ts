import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { divisionLabel } from '../../../../domain/calendar/division-label.js';
import { loadCalendarOverview } from '../../../../modules/calendar/load-calendar-overview.js';
import { addClosureDay, removeClosureDay } from '../../../../modules/calendar/closure-days.js';
import { applyCalendarImport, previewCalendarImport } from '../../../../modules/calendar/import-calendar.js';
import { updateSessionData } from '../../../../modules/accounts/session-store.js';
import { mayManageUsers } from '../../../../policies/accounts.js';
import { closureForm, importForm } from './form.js';
import { londonIsoDate } from '../../../../domain/calendar/london-time.js';
import { submitShowingValues } from '../../../forms/run-action.js';

const PENDING_KEY = 'pendingCalendarImport';

export default function calendarAdminPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayManageUsers } };

  async function overview(_request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { calendars, closures } = await loadCalendarOverview(db);
    return reply.view('admin/calendar/page.njk', { title: 'Working-day calendar', calendars, closures, values: {}, backLink: { href: '/' }, ...extra });
  }

  app.get('/admin/calendar', access, async (request, reply) => overview(request, reply));

  app.post('/admin/calendar/import', access, async (request, reply) => {
    const preview = async ({ document }: z.infer<typeof importForm>) => ({ document, changes: await previewCalendarImport(db, document, londonIsoDate(app.convene.clock())) });
    return submitShowingValues(reply, importForm, preview, {
      valuesOnRefusal: (data) => data,
      conflictField: 'document',
      done: async ({ document, changes }) => {
        await updateSessionData(db, request.session!.idHash, { ...request.session!.data, [PENDING_KEY]: document });
        return reply.view('admin/calendar/preview.njk', {
          title: 'Check the calendar changes',
          changes: changes.map((c) => ({ ...c, label: divisionLabel(c.division) })),
          backLink: { href: '/admin/calendar' },
        });
      },
      // Importer errors name places inside the document; show them against the text box.
      again: ({ status, errors, values }) =>
        overview(request, reply, { errors: status === 400 ? errors.map((e) => ({ field: 'document', message: `${e.field}: ${e.message}` })) : errors, values }),
    });
  });

  app.post('/admin/calendar/import/confirm', access, async (request, reply) => {
    const pending = request.session?.data[PENDING_KEY];
    if (typeof pending !== 'string') return reply.redirect('/admin/calendar');
    await applyCalendarImport(db, request.actionContext(), pending);
    const { [PENDING_KEY]: _done, ...rest } = request.session!.data;
    await updateSessionData(db, request.session!.idHash, rest);
    return overview(request, reply, { notice: 'The bank-holiday calendars have been updated. Deadlines now count on them.' });
  });

  app.post('/admin/calendar/closures', access, async (request, reply) => {
    const addClosure = async (data: z.infer<typeof closureForm>) => {
      await addClosureDay(db, request.actionContext(), data);
      return data.title;
    };
    return submitShowingValues(reply, closureForm, addClosure, {
      valuesOnRefusal: (data) => data,
      done: (title) => overview(request, reply, { notice: `${title} added as a closure day.` }),
      again: ({ errors, values }) => overview(request, reply, { errors, values }),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/calendar/closures/:id/remove', access, async (request, reply) => {
    await removeClosureDay(db, request.actionContext(), request.params.id);
    return overview(request, reply, { notice: 'Closure day removed.' });
  });
}
