import { formatNhsNumber } from '../../../domain/records/nhs-number.js';
import type { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DISABILITY_CODES, ETHNICITY_CODES, EU_SETTLEMENT } from '../../../domain/records/census-codes.js';
import { euSettlementPrompt } from '../../../domain/records/person-rules.js';
import { assertChildAccess } from '../../../modules/access/child-record-access.js';
import { auditChildRead } from '../../../modules/audit/child-access.js';
import { recordAudit } from '../../../modules/audit/record-audit.js';
import { addAddress, confirmBirth, createPerson, openCase, updatePerson } from '../../../modules/records/save-person.js';
import { searchPeople as searchMatching } from '../../../modules/enquiry/search-people.js';
import { currentHouseholdsOf } from '../../../modules/records/family.js';
import { loadCaseStaff } from '../../../modules/records/load-case-staff.js';
import { loadPerson } from '../../../modules/records/load-person.js';
import { loadPersonRecord } from '../../../modules/records/load-person-record.js';
import { searchPeople } from '../../../modules/records/search-people.js';
import { mayRecordCaseWork, mayViewChildRecords } from '../../../policies/children.js';
import type { Actor } from '../../../policies/roles.js';
import { parseForm } from '../../forms.js';
import { matcherDateRefusal, matcherSearchErrors, matcherSearchFrom } from '../../forms/matcher-search.js';
import { runAction, submitShowingValues } from '../../forms/run-action.js';
import { addressForm, birthForm, openCaseForm, personForm, searchForm } from './form.js';

const choices = {
  ethnicities: Object.entries(ETHNICITY_CODES).map(([value, text]) => ({ value, text: `${text} (${value})` })),
  disabilityOptions: Object.entries(DISABILITY_CODES).map(([value, text]) => ({ value, text })),
  euOptions: Object.entries(EU_SETTLEMENT).map(([value, text]) => ({ value, text })),
};

export default function peoplePages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Querystring: Record<string, string> }>('/people/search', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    const view = (extra: Record<string, unknown>) =>
      reply.view('people/search.njk', { title: 'Find a child or adult', canCreate: mayRecordCaseWork(request.actor), backLink: { href: '/' }, ...extra });
    const q = request.query;
    // The matcher (the enquiry service's): given and family names, date of birth, postcode, a parent's names.
    if (q.given !== undefined || q.family !== undefined || q.postcode !== undefined) {
      const { values, input } = matcherSearchFrom(q);
      const badDate = matcherDateRefusal(q);
      if (badDate.length > 0) {
        reply.code(400);
        return view({ match: values, errors: badDate });
      }
      return runAction(reply, () => searchMatching(db, request.actionContext(), input), {
        done: (result) => view({ match: values, matched: result.candidates, strictFound: result.strictFound, asked: 'match' }),
        again: ({ errors }) => view({ match: values, errors: matcherSearchErrors(errors, q) }),
      });
    }
    // Any part of a name or address: the older partial search, kept for fragments the matcher does not take.
    const parsed = parseForm(searchForm, q);
    if (!parsed.ok) {
      reply.code(400);
      return view({ errors: parsed.errors, values: parsed.values });
    }
    const asked = Boolean(parsed.data.name || parsed.data.dateOfBirth || parsed.data.address);
    const results = asked ? await searchPeople(db, request.actionContext(), parsed.data) : [];
    return view({ values: parsed.data, asked: asked ? 'partial' : false, results });
  });

  const formPage = (reply: FastifyReply, extra: Record<string, unknown>) =>
    reply.view('people/edit.njk', { ...choices, backLink: { href: '/people/search' }, ...extra });

  app.get<{ Querystring: { kind?: string } }>('/people/new', { config: { access: mayRecordCaseWork } }, async (request, reply) =>
    formPage(reply, { title: 'Add a child or adult', action: '/people/new', values: { kind: request.query.kind === 'adult' ? 'adult' : 'child', disabilities: [] } }),
  );
  app.post('/people/new', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    return submitShowingValues(reply, personForm, (data) => createPerson(db, request.actionContext(), data), {
      done: (id) => reply.redirect(`/people/${id}?created=1`),
      again: ({ errors, values }) => formPage(reply, { title: 'Add a child or adult', action: '/people/new', errors, values }),
    });
  });

  async function load(id: string, actor: Actor | null) {
    const person = await loadPerson(db, id);
    if (!person) return null;
    await assertChildAccess(db, actor, person.id); // 404 without a relationship to this person's children
    return person;
  }

  app.get<{ Params: { id: string }; Querystring: { created?: string } }>('/people/:id', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    const record = await loadPersonRecord(db, person.id);
    if (person.kind === 'child') await auditChildRead(db, request.actionContext(), person.id, { recordType: 'person' });
    else await recordAudit(db, request.actionContext(), { action: 'person-viewed', recordType: 'person', recordId: person.id });
    return reply.view('people/person.njk', {
      title: `${person.givenNames} ${person.familyName}`.trim(), person, history: record.addresses, cases: record.cases, created: Boolean(request.query.created),
      ethnicity: ETHNICITY_CODES[person.ethnicity ?? ''] ?? null, disabilities: person.disabilities.map((d) => DISABILITY_CODES[d] ?? d),
      euPrompt: euSettlementPrompt(person.euSettlementStatus), nhsNumber: person.nhsNumber ? formatNhsNumber(person.nhsNumber) : null, canEdit: mayRecordCaseWork(request.actor), backLink: { href: '/people/search', text: 'Back to search' },
    });
  });

  app.get<{ Params: { id: string } }>('/people/:id/edit', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    const values = { ...person, unborn: person.kind === 'child' && !person.dateOfBirth ? 'yes' : '', interpreterNeeded: person.interpreterNeeded ? 'yes' : '', learningDisability: person.learningDisability ? 'yes' : '', aliases: person.aliases.map((a) => `${a.givenNames} ${a.familyName}`.trim()).join('\n') };
    return formPage(reply, { title: `Change ${person.givenNames} ${person.familyName}`.trim(), action: `/people/${person.id}/edit`, values, editing: true, backLink: { href: `/people/${person.id}` } });
  });
  app.post<{ Params: { id: string } }>('/people/:id/edit', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    const parsed = parseForm(personForm, { ...(request.body as object), kind: person.kind });
    const again = (errors: unknown, values: unknown, status = 400) => {
      reply.code(status);
      return formPage(reply, { title: `Change ${person.givenNames} ${person.familyName}`.trim(), action: `/people/${person.id}/edit`, errors, values, editing: true, backLink: { href: `/people/${person.id}` } });
    };
    if (!parsed.ok) return again(parsed.errors, parsed.values);
    return runAction(reply, () => updatePerson(db, request.actionContext(), person.id, parsed.data, parsed.data.version ?? person.version), {
      conflictField: 'familyName',
      done: () => reply.redirect(`/people/${person.id}`),
      again: ({ errors, values, status }) => again(errors, values, status),
    });
  });

  app.get<{ Params: { id: string } }>('/people/:id/birth', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    return reply.view('people/birth.njk', { title: 'Record the birth', person, values: { givenNames: person.givenNames }, backLink: { href: `/people/${person.id}` } });
  });
  app.post<{ Params: { id: string } }>('/people/:id/birth', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    return submitShowingValues(reply, birthForm, (data) => confirmBirth(db, request.actionContext(), person.id, data), {
      valuesOnRefusal: (data) => data,
      done: () => reply.redirect(`/people/${person.id}`),
      again: ({ errors, values }) => reply.view('people/birth.njk', { title: 'Record the birth', person, errors, values, backLink: { href: `/people/${person.id}` } }),
    });
  });

  app.post<{ Params: { id: string } }>('/people/:id/addresses', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    return submitShowingValues(reply, addressForm, (data) => addAddress(db, request.actionContext(), person.id, data), {
      done: () => reply.redirect(`/people/${person.id}`),
      again: ({ errors }) => reply.view('people/address.njk', { title: 'Add a new address', person, errors, values: request.body, backLink: { href: `/people/${person.id}` } }),
    });
  });
  app.get<{ Params: { id: string } }>('/people/:id/addresses', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person) return reply.callNotFound();
    return reply.view('people/address.njk', { title: 'Add a new address', person, values: {}, backLink: { href: `/people/${person.id}` } });
  });

  app.get<{ Params: { id: string } }>('/people/:id/case', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person || person.kind !== 'child') return reply.callNotFound();
    return reply.view('people/open-case.njk', { title: 'Open a case', person, values: {}, ...(await loadCaseStaff(db)), backLink: { href: `/people/${person.id}` } });
  });
  app.post<{ Params: { id: string } }>('/people/:id/case', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const person = await load(request.params.id, request.actor);
    if (!person || person.kind !== 'child') return reply.callNotFound();
    const open = async (data: z.infer<typeof openCaseForm>) => {
      const [home] = await currentHouseholdsOf(db, person.id);
      return openCase(db, request.actionContext(), { ...data, childId: person.id, householdId: home?.id ?? null });
    };
    return submitShowingValues(reply, openCaseForm, open, {
      done: (id) => reply.redirect(`/cases/${id}`),
      again: async ({ errors, values }) => reply.view('people/open-case.njk', { title: 'Open a case', person, errors, values, ...(await loadCaseStaff(db)), backLink: { href: `/people/${person.id}` } }),
    });
  });
}
