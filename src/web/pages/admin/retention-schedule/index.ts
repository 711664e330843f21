import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RETENTION_RECORD_TYPES } from '../../../../domain/packs/retention.js';
import { CONFIGURABLE_TYPES, COUNT_FROM, periodOf, type ConfigurableCountFrom } from '../../../../domain/records/retention-schedule.js';
import { loadRetentionScheduleForm, saveRetentionSchedule, type Period } from '../../../../modules/records/retention-schedule.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { mayConfigureRetention } from '../../../../policies/records.js';
import { answerRefusal } from '../../../forms/run-action.js';
import { parseForm } from '../../../forms.js';

const years = (message: string) =>
  z.string({ error: message }).trim().min(1, message).regex(/^\d+$/, 'Enter a whole number of years, like 7').transform(Number)
    .refine((n) => n >= 1, 'Enter at least 1 year').refine((n) => n <= 100, 'Enter 100 years or fewer');
const optionalYears = () =>
  z.string().trim().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\d+$/.test(v), 'Enter a whole number of years, or leave it empty')
    .transform((v) => (v === undefined ? null : Number(v)))
    .refine((n) => n === null || (n >= 1 && n <= 100), 'Enter between 1 and 100 years, or leave it empty');

/** One set of fields per record type: `years-<type>`, `countFrom-<type>`, `atLeast-<type>`, `withoutBirth-<type>`. */
const scheduleForm = z.object({
  ...Object.fromEntries(CONFIGURABLE_TYPES.flatMap((t) => [
    [`years-${t}`, years(`Enter how many years ${RETENTION_RECORD_TYPES[t].toLowerCase()} are kept`)],
    [`countFrom-${t}`, z.enum(Object.keys(COUNT_FROM) as [ConfigurableCountFrom, ...ConfigurableCountFrom[]], { error: 'Choose what the years count from' })],
    [`atLeast-${t}`, optionalYears()],
    [`withoutBirth-${t}`, optionalYears()],
  ])),
  confirm: z.string().optional(),
});

const periodsFrom = (data: Record<string, unknown>): Period[] => CONFIGURABLE_TYPES.map((t) => ({
  recordType: t, years: data[`years-${t}`] as number, countFrom: data[`countFrom-${t}`] as string,
  atLeastYearsAfterClosure: data[`atLeast-${t}`] as number | null, withoutBirthDateYearsAfterClosure: data[`withoutBirth-${t}`] as number | null,
}));

type Extra = { errors?: FieldError[]; values?: Record<string, unknown>; status?: number; notice?: string };

/** RC7: the administrator sets the authority's retention period for each record type. */
export default function retentionSchedulePages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayConfigureRetention } };
  const pack = () => app.convene.settings.pack;

  async function page(request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
    const view = await loadRetentionScheduleForm(db, request.actionContext(), pack());
    const values = extra.values ?? Object.fromEntries(view.rows.flatMap((r) => {
      const p = periodOf(r.entry);
      return [[`years-${r.type}`, String(p.years)], [`countFrom-${r.type}`, p.countFrom], [`atLeast-${r.type}`, p.atLeastYearsAfterClosure === null ? '' : String(p.atLeastYearsAfterClosure)], [`withoutBirth-${r.type}`, p.withoutBirthDateYearsAfterClosure === null ? '' : String(p.withoutBirthDateYearsAfterClosure)]];
    }));
    if (extra.status) reply.code(extra.status);
    return reply.view('admin/retention-schedule/page.njk', {
      title: 'Retention schedule', rows: view.rows, values, errors: extra.errors, notice: extra.notice,
      countFrom: Object.entries(COUNT_FROM).map(([value, text]) => ({ value, text })), auditNote: view.schedule.entries.audit.neverDisposed,
      backLink: { href: '/' },
    });
  }

  app.get('/admin/retention-schedule', access, async (request, reply) => page(request, reply));
  app.post('/admin/retention-schedule', access, async (request, reply) => {
    const parsed = parseForm(scheduleForm, request.body);
    if (!parsed.ok) return page(request, reply, { errors: parsed.errors, values: parsed.values, status: 400 });
    const periods = periodsFrom(parsed.data);
    const typed = { ...(request.body as Record<string, unknown>) };
    delete typed._csrf;
    delete typed.confirm;
    try {
      const result = await saveRetentionSchedule(db, request.actionContext(), periods, parsed.data.confirm === 'yes', pack());
      if (!result.saved) {
        // A shorter period brings records into review sooner: the administrator confirms it first.
        return reply.view('admin/retention-schedule/confirm.njk', {
          title: 'Check the shorter retention periods', values: typed,
          shortened: result.shortened.map((t) => ({ label: RETENTION_RECORD_TYPES[t], period: periods.find((p) => p.recordType === t)! })),
          countFromLabels: COUNT_FROM, backLink: { href: '/admin/retention-schedule' },
        });
      }
      return page(request, reply, { notice: result.changed === 0 ? 'Nothing was changed.' : `The retention schedule is saved: ${result.changed} record type${result.changed === 1 ? '' : 's'} changed. Records due for review are worked out on it from now.` });
    } catch (error) {
      return answerRefusal(reply, error, { again: async ({ errors }) => { await page(request, reply, { errors, values: typed, status: 400 }); return reply; }, conflictPage: '/admin/retention-schedule' });
    }
  });
}
