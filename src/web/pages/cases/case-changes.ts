import { asc, desc, eq } from 'drizzle-orm';
import { londonDateOf } from '../../../modules/front-door/london-time.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { caseAllocations, cases, people, users } from '../../../db/schema/index.js';
import { CLOSURE_REASONS } from '../../../domain/records/case-closure.js';
import { auditChildRead } from '../../../modules/audit/child-access.js';
import { closeCase, reallocateCase } from '../../../modules/records/case-allocation.js';
import { ValidationError, type FieldError } from '../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions } from '../../../policies/children.js';
import { parseForm } from '../../forms.js';

const realDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const date = (missing: string) => z.string({ error: missing }).trim().min(1, missing).refine(realDate, `${missing} as a real date, like 2026-03-01`);
const optionalId = z.string().optional().transform((v) => (v ? v : null));

const allocationForm = z.object({
  socialWorkerId: optionalId,
  teamManagerId: optionalId,
  fromDate: date('Enter the date the new allocation starts'),
  reason: z.string({ error: 'Say why the case is moving' }).trim().min(1, 'Say why the case is moving').max(1000, 'The reason must be 1000 characters or fewer'),
  version: z.coerce.number().int(),
});
const closeForm = z.object({
  closedOn: date('Enter the date the case closes'),
  closureReason: z.string().optional().transform((v) => v ?? ''),
  confirm: z.literal('yes', { error: 'Confirm that the case should close' }),
  version: z.coerce.number().int(),
});

type Params = { Params: { id: string } };
const access = { config: { access: mayAuthoriseCaseDecisions } };
const uuid = /^[0-9a-f-]{36}$/i;

/** Reallocating a case (with its history) and closing it with the census reason. */
export function caseChangePages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function load(request: FastifyRequest<Params>) {
    if (!uuid.test(request.params.id)) return null;
    const [row] = await db.select({ c: cases, child: people }).from(cases).innerJoin(people, eq(cases.childId, people.id)).where(eq(cases.id, request.params.id));
    if (!row) return null;
    await auditChildRead(db, request.actionContext(), row.child.id, { recordType: 'case', recordId: row.c.id });
    return { ...row, name: `${row.child.givenNames} ${row.child.familyName}`.trim() };
  }
  const staff = async () => {
    const rows = await db.select({ id: users.id, displayName: users.displayName, roles: users.roles }).from(users).where(eq(users.active, true)).orderBy(asc(users.displayName));
    return { workers: rows.filter((u) => u.roles.includes('social-worker')), managers: rows.filter((u) => u.roles.includes('team-manager')) };
  };

  async function allocationPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown>; status?: number } = {}) {
    const loaded = await load(request);
    if (!loaded) return reply.callNotFound();
    const history = await db.select({ a: caseAllocations, by: users.displayName }).from(caseAllocations).leftJoin(users, eq(caseAllocations.recordedBy, users.id))
      .where(eq(caseAllocations.caseId, loaded.c.id)).orderBy(desc(caseAllocations.recordedAt));
    const names = new Map((await db.select({ id: users.id, n: users.displayName }).from(users)).map((u) => [u.id, u.n]));
    if (extra.status) reply.code(extra.status);
    return reply.view('cases/allocation.njk', {
      title: `Reallocate: ${loaded.name}`, name: loaded.name, caseRow: loaded.c, ...(await staff()),
      current: { socialWorker: names.get(loaded.c.socialWorkerId ?? '') ?? 'Not allocated', teamManager: names.get(loaded.c.teamManagerId ?? '') ?? 'Not allocated' },
      history: history.map((h) => ({ ...h.a, by: h.by, socialWorker: names.get(h.a.socialWorkerId ?? '') ?? 'Not allocated', teamManager: names.get(h.a.teamManagerId ?? '') ?? 'Not allocated' })),
      errors: extra.errors, values: extra.values ?? { socialWorkerId: loaded.c.socialWorkerId, teamManagerId: loaded.c.teamManagerId, fromDate: londonDateOf(app.convene.clock()).toString() },
      backLink: { href: `/cases/${loaded.c.id}`, text: `Back to ${loaded.name}` },
    });
  }
  app.get<Params>('/cases/:id/allocation', access, async (request, reply) => allocationPage(request, reply));
  app.post<Params>('/cases/:id/allocation', access, async (request, reply) => {
    const parsed = parseForm(allocationForm, request.body);
    if (!parsed.ok) return allocationPage(request, reply, { errors: parsed.errors, values: parsed.values, status: 400 });
    try {
      await reallocateCase(db, request.actionContext(), request.params.id, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return allocationPage(request, reply, { errors: error.errors, values: parsed.data, status: 400 });
      throw error;
    }
    return reply.redirect(`/cases/${request.params.id}?done=reallocated`);
  });

  async function closePage(request: FastifyRequest<Params>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown>; status?: number } = {}) {
    const loaded = await load(request);
    if (!loaded) return reply.callNotFound();
    if (extra.status) reply.code(extra.status);
    return reply.view('cases/close.njk', {
      title: `Close the case: ${loaded.name}`, name: loaded.name, caseRow: loaded.c,
      reasons: Object.entries(CLOSURE_REASONS).map(([value, text]) => ({ value, text: `${text} (${value})` })),
      errors: extra.errors, values: extra.values ?? { closedOn: londonDateOf(app.convene.clock()).toString() },
      backLink: { href: `/cases/${loaded.c.id}`, text: `Back to ${loaded.name}` },
    });
  }
  app.get<Params>('/cases/:id/close', access, async (request, reply) => closePage(request, reply));
  app.post<Params>('/cases/:id/close', access, async (request, reply) => {
    const parsed = parseForm(closeForm, request.body);
    if (!parsed.ok) return closePage(request, reply, { errors: parsed.errors, values: parsed.values, status: 400 });
    try {
      await closeCase(db, request.actionContext(), request.params.id, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return closePage(request, reply, { errors: error.errors, values: parsed.data, status: 400 });
      throw error;
    }
    return reply.redirect(`/cases/${request.params.id}?done=closed`);
  });
}
