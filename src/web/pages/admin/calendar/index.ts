import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { divisionLabel } from '../../../../domain/calendar/division-label.js';
import { loadCalendarOverview } from '../../../../modules/calendar/load-calendar-overview.js';
import { addClosureDay, removeClosureDay } from '../../../../modules/calendar/closure-days.js';
import { applyCalendarImport, previewCalendarImport } from '../../../../modules/calendar/import-calendar.js';
import { updateSessionData } from '../../../../modules/accounts/session-store.js';
import { mayManageUsers } from '../../../../policies/accounts.js';
import { parseForm } from '../../../forms.js';
import { closureForm, importForm } from './form.js';
import { londonIsoDate } from '../../../../domain/calendar/london-time.js';
import { runAction } from '../../../forms/run-action.js';

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
    const parsed = parseForm(importForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return overview(request, reply, { errors: parsed.errors, values: parsed.values });
    }
    return runAction(reply, () => previewCalendarImport(db, parsed.data.document, londonIsoDate(app.convene.clock())), {
      values: parsed.data,
      conflictField: 'document',
      done: async (changes) => {
        await updateSessionData(db, request.session!.idHash, { ...request.session!.data, [PENDING_KEY]: parsed.data.document });
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
    const parsed = parseForm(closureForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return overview(request, reply, { errors: parsed.errors, values: parsed.values });
    }
    return runAction(reply, () => addClosureDay(db, request.actionContext(), parsed.data), {
      values: parsed.data,
      done: () => overview(request, reply, { notice: `${parsed.data.title} added as a closure day.` }),
      again: ({ errors, values }) => overview(request, reply, { errors, values }),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/calendar/closures/:id/remove', access, async (request, reply) => {
    await removeClosureDay(db, request.actionContext(), request.params.id);
    return overview(request, reply, { notice: 'Closure day removed.' });
  });
}
