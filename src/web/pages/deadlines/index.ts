import type { FastifyInstance } from 'fastify';
import { londonDateTimeOf } from '../../../domain/calendar/london-time.js';
import { computeDeadline, deadlineState, DeadlineError, RULE_FACTS } from '../../../domain/deadlines/index.js';
import { PACK_IDS, PACKS, TS_RULE_IDS } from '../../../domain/packs/index.js';
import { RULES } from '../../../domain/rules/registry.js';
import { workingCalendar } from '../../../modules/calendar/calendar-store.js';
import { parseForm } from '../../forms.js';
import { calculatorForm, fromValue } from './form.js';

const FIELD_FOR_MISSING: Record<string, string> = { conferenceType: 'conferenceType', time: 'fromTime', intervalWeeks: 'intervalWeeks' };

export default function deadlinePages(app: FastifyInstance): void {
  const choices = () => ({
    rules: TS_RULE_IDS.map((id) => ({ value: id, text: `${id}: ${RULES.find((r) => r.id === id)?.title ?? ''} (counted from the ${RULE_FACTS[id].fact})` })),
    packs: PACK_IDS.map((id) => ({ value: id, text: PACKS[id].name })),
  });

  app.get<{ Querystring: Record<string, string> }>('/deadlines/calculator', { config: { access: () => true } }, async (request, reply) => {
    if (!request.query.rule) {
      return reply.view('deadlines/calculator.njk', {
        title: 'Deadline calculator', values: { pack: app.convene.settings.pack }, ...choices(), backLink: { href: '/' },
      });
    }
    const parsed = parseForm(calculatorForm, request.query);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('deadlines/calculator.njk', { title: 'Deadline calculator', errors: parsed.errors, values: parsed.values, ...choices(), backLink: { href: '/' } });
    }
    const input = parsed.data;
    const calendar = await workingCalendar(app.convene.db);
    try {
      const deadline = computeDeadline({
        ruleId: input.rule, pack: input.pack, from: fromValue(input.fromDate, input.fromTime), calendar,
        conferenceType: input.conferenceType, intervalWeeks: input.intervalWeeks ? Number(input.intervalWeeks) : undefined,
      });
      const now = londonDateTimeOf(app.convene.clock());
      let state = null;
      try {
        state = deadlineState(deadline, now, null, calendar);
      } catch {
        state = null; // "today" may be outside the calendar's range; the due date itself is still right
      }
      return reply.view('deadlines/calculator.njk', { title: 'Deadline calculator', values: input, deadline, state, ...choices(), backLink: { href: '/' } });
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      const missing = (error as DeadlineError & { missing?: string }).missing;
      reply.code(400);
      return reply.view('deadlines/calculator.njk', {
        title: 'Deadline calculator', values: input, ...choices(), backLink: { href: '/' },
        errors: [{ field: (missing && FIELD_FOR_MISSING[missing]) ?? 'rule', message: error.message }],
      });
    }
  });
}
