import { londonDateOf } from '../../../domain/calendar/london-time.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertChildAccess } from '../../../modules/access/child-record-access.js';
import { auditChildRead } from '../../../modules/audit/child-access.js';
import { recordAudit } from '../../../modules/audit/record-audit.js';
import {
  RELATIONSHIP_LABELS, RELATIONSHIP_TYPES, addHouseholdMember, createHousehold, currentHouseholdsOf, endHouseholdMembership, loadHousehold,
  relationshipCandidates, relationshipsOf, removeRelationship, saveRelationship,
} from '../../../modules/records/family.js';
import { loadPerson } from '../../../modules/records/load-person.js';
import { searchPeople } from '../../../modules/records/search-people.js';
import { type FieldError } from '../../../modules/shared/errors.js';
import { mayRecordCaseWork, mayViewChildRecords } from '../../../policies/children.js';
import { parseForm } from '../../forms.js';
import { householdForm, leaveForm, memberForm, relationshipForm } from './form.js';
import { submitShowingValues } from '../../forms/run-action.js';

const uuid = /^[0-9a-f-]{36}$/i;
const read = { config: { access: mayViewChildRecords } };
const write = { config: { access: mayRecordCaseWork } };
type PersonParams = { Params: { id: string } };

const fullName = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

/** Households and relationships: who lives where, how each person relates to a child, and who holds parental responsibility. */
export default function familyPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function familyPage(request: FastifyRequest, reply: FastifyReply, personId: string, extra: { errors?: FieldError[]; values?: Record<string, unknown>; status?: number } = {}) {
    const p = await loadPerson(db, personId);
    if (!p) return reply.callNotFound();
    if (p.kind === 'child') await auditChildRead(db, request.actionContext(), p.id, { recordType: 'family' });
    else {
      // An adult's record belongs with the children they live with or are related to.
      await assertChildAccess(db, request.actor, p.id);
      await recordAudit(db, request.actionContext(), { action: 'person-viewed', recordType: 'family', recordId: p.id });
    }
    const homes = await currentHouseholdsOf(db, p.id);
    const rels = p.kind === 'child' ? await relationshipsOf(db, p.id) : [];
    const candidates = p.kind === 'child' ? await relationshipCandidates(db, p.id) : [];
    if (extra.status) reply.code(extra.status);
    return reply.view('family/family.njk', {
      title: `Family and household: ${fullName(p)}`, person: p, homes, canEdit: mayRecordCaseWork(request.actor),
      relationships: rels.map((r) => ({ ...r, name: fullName(r.person), typeLabel: RELATIONSHIP_LABELS[r.type as keyof typeof RELATIONSHIP_LABELS] ?? r.type })),
      candidates: candidates.map((c) => ({ value: c.id, text: `${fullName(c)} (${c.kind})` })),
      types: RELATIONSHIP_TYPES.map((t) => ({ value: t, text: RELATIONSHIP_LABELS[t] })),
      errors: extra.errors, values: extra.values ?? { fromDate: londonDateOf(app.convene.clock()).toString() },
      backLink: { href: `/people/${p.id}`, text: `Back to ${fullName(p)}` },
    });
  }

  app.get<PersonParams>('/people/:id/family', read, async (request, reply) => familyPage(request, reply, request.params.id));

  app.post<PersonParams>('/people/:id/relationships', write, async (request, reply) => {
    await assertChildAccess(db, request.actor, request.params.id);
    return submitShowingValues(reply, relationshipForm, (data) => saveRelationship(db, request.actionContext(), { childId: request.params.id, ...data }), {
      again: (shown) => familyPage(request, reply, request.params.id, shown),
      done: () => reply.redirect(`/people/${request.params.id}/family?saved=relationship`),
    });
  });

  app.get<{ Params: { id: string; relId: string } }>('/people/:id/relationships/:relId/remove', write, async (request, reply) => {
    const p = await loadPerson(db, request.params.id);
    if (p) await assertChildAccess(db, request.actor, p.id);
    const rel = p ? (await relationshipsOf(db, p.id)).find((r) => r.id === request.params.relId) : undefined;
    if (!p || !rel) return reply.callNotFound();
    return reply.view('family/remove-relationship.njk', {
      title: 'Remove a relationship', person: p, rel, name: fullName(rel.person), backLink: { href: `/people/${p.id}/family` },
    });
  });
  app.post<{ Params: { id: string; relId: string } }>('/people/:id/relationships/:relId/remove', write, async (request, reply) => {
    await assertChildAccess(db, request.actor, request.params.id);
    await removeRelationship(db, request.actionContext(), request.params.id, request.params.relId);
    return reply.redirect(`/people/${request.params.id}/family?saved=removed`);
  });

  app.post<PersonParams>('/people/:id/households', write, async (request, reply) => {
    await assertChildAccess(db, request.actor, request.params.id);
    const parsed = parseForm(householdForm, request.body);
    if (!parsed.ok) return familyPage(request, reply, request.params.id, { errors: parsed.errors, values: parsed.values, status: 400 });
    const householdId = await createHousehold(db, request.actionContext(), { ...parsed.data, personId: request.params.id });
    return reply.redirect(`/households/${householdId}`);
  });

  type HouseholdRequest = { Params: { id: string }; Querystring: { name?: string } };
  async function householdPage(request: FastifyRequest<HouseholdRequest>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown>; status?: number } = {}) {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const household = await loadHousehold(db, request.params.id);
    if (!household) return reply.callNotFound();
    for (const m of household.current) if (m.person.kind !== 'child') await assertChildAccess(db, request.actor, m.person.id);
    for (const m of household.current) if (m.person.kind === 'child') await auditChildRead(db, request.actionContext(), m.person.id, { recordType: 'household', recordId: household.id });
    const term = (request.query.name ?? '').trim().slice(0, 100);
    const hits = term ? await searchPeople(db, request.actionContext(), { name: term }) : [];
    const here = new Set(household.current.map((m) => m.person.id));
    if (extra.status) reply.code(extra.status);
    return reply.view('family/household.njk', {
      title: household.name, household, term, searched: Boolean(term), canEdit: mayRecordCaseWork(request.actor),
      hits: hits.filter((h) => !here.has(h.id)), errors: extra.errors, values: extra.values ?? { fromDate: londonDateOf(app.convene.clock()).toString() },
      backLink: { href: '/people/search', text: 'Back to search' },
    });
  }

  app.get<HouseholdRequest>('/households/:id', read, async (request, reply) => householdPage(request, reply));

  app.post<HouseholdRequest>('/households/:id/members', write, async (request, reply) => {
    return submitShowingValues(reply, memberForm, (data) => addHouseholdMember(db, request.actionContext(), request.params.id, data), {
      again: (shown) => householdPage(request, reply, shown),
      done: () => reply.redirect(`/households/${request.params.id}`),
      conflictField: 'personId',
    });
  });

  type MemberParams = { Params: { id: string; memberId: string } };
  async function leavePage(request: FastifyRequest<MemberParams>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown> } = {}) {
    const household = uuid.test(request.params.id) ? await loadHousehold(db, request.params.id) : null;
    const member = household?.current.find((m) => m.memberId === request.params.memberId);
    if (!household || !member) return reply.callNotFound();
    await assertChildAccess(db, request.actor, member.person.id); // 404 without a relationship to this household's children
    if (extra.errors && reply.statusCode < 400) reply.code(400);
    return reply.view('family/leave.njk', {
      title: `${fullName(member.person)} leaves the household`, household, member, name: fullName(member.person),
      errors: extra.errors, values: extra.values ?? { toDate: londonDateOf(app.convene.clock()).toString() }, backLink: { href: `/households/${household.id}` },
    });
  }
  app.get<MemberParams>('/households/:id/members/:memberId/leave', write, async (request, reply) => leavePage(request, reply));
  app.post<MemberParams>('/households/:id/members/:memberId/leave', write, async (request, reply) => {
    const household = await loadHousehold(db, request.params.id);
    const member = household?.current.find((m) => m.memberId === request.params.memberId);
    if (!household || !member) return reply.callNotFound();
    await assertChildAccess(db, request.actor, member.person.id);
    return submitShowingValues(reply, leaveForm, (data) => endHouseholdMembership(db, request.actionContext(), request.params.id, request.params.memberId, data), {
      again: ({ errors, values }) => leavePage(request, reply, { errors, values }),
      done: () => reply.redirect(`/households/${request.params.id}`),
    });
  });
}
