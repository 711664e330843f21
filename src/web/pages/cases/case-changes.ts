import { londonDateOf } from '../../../domain/calendar/london-time.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CLOSURE_REASONS } from '../../../domain/records/case-closure.js';
import { closeCase, reallocateCase } from '../../../modules/records/case-allocation.js';
import { loadAllocationHistory } from '../../../modules/records/load-allocation-history.js';
import { loadCaseStaff } from '../../../modules/records/load-case-staff.js';
import { loadCaseToChange } from '../../../modules/records/load-case-to-change.js';
import { mayAuthoriseCaseDecisions } from '../../../policies/children.js';
import { caseDate } from './case-date.js';
import { caseForm, showCaseForm, type ShownAgain } from './case-form.js';

const optionalId = z.string().optional().transform((v) => (v ? v : null));

const allocationForm = z.object({
  socialWorkerId: optionalId,
  teamManagerId: optionalId,
  fromDate: caseDate('Enter the date the new allocation starts'),
  reason: z.string({ error: 'Say why the case is moving' }).trim().min(1, 'Say why the case is moving').max(1000, 'The reason must be 1000 characters or fewer'),
  version: z.coerce.number().int(),
});
const closeForm = z.object({
  closedOn: caseDate('Enter the date the case closes'),
  closureReason: z.string().optional().transform((v) => v ?? ''),
  confirm: z.literal('yes', { error: 'Confirm that the case should close' }),
  version: z.coerce.number().int(),
});

type Params = { Params: { id: string } };
const access = { config: { access: mayAuthoriseCaseDecisions } };

/** Reallocating a case (with its history) and closing it with the census reason. */
export function caseChangePages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function allocationPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: ShownAgain = {}) {
    const loaded = await loadCaseToChange(db, request.actionContext(), request.params.id);
    if (!loaded) return reply.callNotFound();
    const { caseRow, name } = loaded;
    const allocations = await loadAllocationHistory(db, caseRow);
    return showCaseForm(reply, 'cases/allocation.njk', { title: `Reallocate: ${name}`, name, caseRow, ...(await loadCaseStaff(db)), ...allocations }, extra, {
      socialWorkerId: caseRow.socialWorkerId,
      teamManagerId: caseRow.teamManagerId,
      fromDate: londonDateOf(app.convene.clock()).toString(),
    });
  }
  caseForm(app, '/cases/:id/allocation', access, {
    schema: allocationForm,
    act: (request, data) => reallocateCase(db, request.actionContext(), request.params.id, data),
    page: allocationPage,
    done: 'reallocated',
  });

  async function closePage(request: FastifyRequest<Params>, reply: FastifyReply, extra: ShownAgain = {}) {
    const loaded = await loadCaseToChange(db, request.actionContext(), request.params.id);
    if (!loaded) return reply.callNotFound();
    const { caseRow, name } = loaded;
    const reasons = Object.entries(CLOSURE_REASONS).map(([value, text]) => ({ value, text: `${text} (${value})` }));
    return showCaseForm(reply, 'cases/close.njk', { title: `Close the case: ${name}`, name, caseRow, reasons }, extra, { closedOn: londonDateOf(app.convene.clock()).toString() });
  }
  caseForm(app, '/cases/:id/close', access, {
    schema: closeForm,
    act: (request, data) => closeCase(db, request.actionContext(), request.params.id, data),
    page: closePage,
    done: 'closed',
  });
}
