import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, cases, childProtectionPlans, enquiries, outboxMessages, people, users } from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { CATEGORY_LABELS, type CategoryCode } from '../../domain/conference/categories.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { answerEnquiry } from './answer-enquiry.js';
import { loadEnquiry } from './load-enquiry.js';
import { abandonEnquiry, recordUnknownChild } from './record-unknown-child.js';
import { searchForEnquiry } from './search-for-enquiry.js';
import { startEnquiry } from './start-enquiry.js';

const NOW = new Date('2026-12-07T03:10:00Z'); // a police officer at 3 a.m.
const caller = { callerName: 'Pat Examplecop', callerRole: 'Police sergeant', callerAgency: 'Demoshire Police', callbackNumber: '+44 1632 960100' };

describeEachEngine('RG2–RG4: the enquiry service', (engine) => {
  const suite = suiteDatabase(engine);
  let as: (username: string) => Promise<ActionContext>;
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-enquiry-'));
    await seedDemo(suite.db(), { password: null, dataDir, now: NOW, pack: 'national' });
    as = async (username) => {
      const [u] = await suite.db().select().from(users).where(eq(users.username, username));
      const actor: Actor = { id: u!.id, username: u!.username, displayName: u!.displayName, organisationId: u!.organisationId, teamId: u!.teamId, roles: u!.roles as RoleId[] };
      return { actor, requestId: null, address: '127.0.0.1', now: NOW };
    };
  });

  /** A demo child on a plan now, with an open case, its lead social worker and the plan's facts. */
  async function childOnPlan() {
    const db = suite.db();
    const [row] = await db.select({ child: people, plan: childProtectionPlans, kase: cases }).from(childProtectionPlans)
      .innerJoin(people, eq(childProtectionPlans.childId, people.id)).innerJoin(cases, eq(cases.childId, people.id))
      .where(and(isNull(childProtectionPlans.endDate), isNull(cases.closedOn))).limit(1);
    return row!;
  }

  /** An enquirer's enquiry about a child on a plan, the child found by name: answering is the next step. */
  async function childFoundByName() {
    const enquirer = await as('enquirer');
    const { child } = await childOnPlan();
    const { id } = await startEnquiry(suite.db(), enquirer, caller);
    await searchForEnquiry(suite.db(), enquirer, id, { given: child.givenNames, family: child.familyName });
    return { enquirer, child, id };
  }

  it('checks the caller: a bad number and an unrecognised one without a reason are refused; a recognised one in any format goes ahead', async () => {
    const db = suite.db();
    const enquirer = await as('enquirer');
    await expect(startEnquiry(db, enquirer, { ...caller, callbackNumber: '999' })).rejects.toMatchObject({ errors: [{ field: 'callbackNumber' }] });
    await expect(startEnquiry(db, enquirer, { ...caller, callerName: '' })).rejects.toMatchObject({ errors: [{ field: 'callerName' }] });
    await expect(startEnquiry(db, enquirer, { ...caller, callbackNumber: '07700 900123' })).rejects.toMatchObject({ errors: [{ field: 'unrecognisedReason' }] });
    const flagged = await startEnquiry(db, enquirer, { ...caller, callbackNumber: '07700 900123', unrecognisedReason: 'Called the control room back; put through.' });
    expect(flagged.recognised).toBe(false);
    const ok = await startEnquiry(db, enquirer, caller);
    expect(ok.recognised).toBe(true);
    await expect(startEnquiry(db, await as('social-worker'), caller)).rejects.toBeInstanceOf(ForbiddenError);
    const queue = await queueForRole(db, (await as('register-officer')).actor!, 'register-officer', NOW, 'national');
    const check = (queue.enquiries ?? []).find((i) => i.href === `/enquiries/${flagged.id}`);
    expect(check?.title).toMatch(/^Check: /);
    expect(check?.detail).toContain('number not recognised: Called the control room back; put through.');
  });

  it('answers for a child on a plan from the records, tells the lead social worker at once, and audits every child shown', async () => {
    const db = suite.db();
    const enquirer = await as('enquirer');
    const { child, plan, kase } = await childOnPlan();
    const { id } = await startEnquiry(db, enquirer, caller);
    await expect(searchForEnquiry(db, enquirer, id, { family: child.familyName })).rejects.toBeInstanceOf(ValidationError);
    const found = await searchForEnquiry(db, enquirer, id, { given: child.givenNames, family: child.familyName, dob: child.dateOfBirth ?? '' });
    expect(found.candidates[0]?.id).toBe(child.id);
    const shownAudits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'child-shown-in-enquiry'), eq(auditEvents.recordId, id)));
    expect(shownAudits.map((a) => a.childId).sort()).toEqual(found.candidates.map((c) => c.id).sort());

    const other = await db.select().from(people).where(eq(people.kind, 'child'));
    const notShown = other.find((p) => !found.candidates.some((c) => c.id === p.id));
    await expect(answerEnquiry(db, enquirer, id, notShown!.id)).rejects.toMatchObject({ errors: [{ field: 'childId' }] });

    const answer = await answerEnquiry(db, enquirer, id, child.id);
    const since = formatDate(Temporal.PlainDate.from(plan.startDate));
    const category = CATEGORY_LABELS[(plan.latestCategories[0] ?? 'NEG') as CategoryCode].toLowerCase();
    expect(answer.find((l) => l.startsWith('On a child protection plan'))).toContain(`since ${since}, under the category of ${category}`);
    const [worker] = await db.select().from(users).where(eq(users.id, kase.socialWorkerId!));
    expect(answer).toContain(`The case is open; the key worker is ${worker!.displayName}.`);
    expect(answer.at(-1)).toBe('Out of hours, call the duty team on 01632 960000.');

    const [stored] = await db.select().from(enquiries).where(eq(enquiries.id, id));
    expect(stored?.answer).toEqual(answer);
    expect(stored?.notices).toContainEqual(expect.objectContaining({ kind: 'open-case', userId: worker!.id, childId: child.id }));
    const mail = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, id));
    if (worker!.email) expect(mail.map((m) => m.toAddress)).toContain(worker!.email);
    const swQueue = await queueForRole(db, (await as(worker!.username)).actor!, 'social-worker', NOW, 'national');
    expect((swQueue.enquiries ?? []).map((i) => i.href)).toContain(`/enquiries/${id}`);
    await expect(answerEnquiry(db, enquirer, id, child.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it('answers once when the same answer is sent many times at once', async () => {
    const db = suite.db();
    const { enquirer, child, id } = await childFoundByName();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => answerEnquiry(db, enquirer, id, child.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await db.select().from(enquiries).where(eq(enquiries.id, id));
    const workers = new Set(row!.notices.filter((n) => n.outboxMessageId).map((n) => n.userId));
    expect(workers.size).toBeGreaterThan(0);
    // One email per worker told, however many times the answer was sent.
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, id))).toHaveLength(workers.size);
  });

  it('another enquirer can neither continue nor read an enquiry; the designated manager can read it', async () => {
    const db = suite.db();
    const enquirer = await as('enquirer');
    const { id } = await startEnquiry(db, enquirer, caller);
    const [la] = await db.select().from(users).where(eq(users.username, 'register-officer'));
    const second = await createUser(db, { roles: ['enquirer'], organisationId: la!.organisationId });
    const secondContext: ActionContext = { actor: { ...second, teamId: null, roles: ['enquirer'] } as Actor, requestId: null, address: null, now: NOW };
    await expect(searchForEnquiry(db, secondContext, id, { given: 'Any', family: 'Body' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadEnquiry(db, secondContext.actor, id, 'read')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadEnquiry(db, (await as('register-officer')).actor, id, 'read')).resolves.toBeTruthy();
  });

  it('records an unknown child with the advice; a second enquiry about the same child is told of the first and flagged to the designated manager', async () => {
    const db = suite.db();
    const enquirer = await as('enquirer');
    const nobody = { given: 'Zebedee', family: 'Nonesuchworth', dob: '2019-02-03' };
    const first = await startEnquiry(db, enquirer, caller);
    await searchForEnquiry(db, enquirer, first.id, nobody);
    await expect(recordUnknownChild(db, enquirer, first.id, '  ')).rejects.toMatchObject({ errors: [{ field: 'advice' }] });
    expect((await recordUnknownChild(db, enquirer, first.id, 'Not known; advised a referral to the front door.')).earlier).toBeNull();
    const second = await startEnquiry(db, enquirer, { ...caller, callerAgency: 'Demoshire Hospital' });
    await searchForEnquiry(db, enquirer, second.id, { ...nobody, given: 'zebedee' });
    const told = await recordUnknownChild(db, enquirer, second.id, 'Told of the earlier enquiry.');
    expect(told.earlier?.id).toBe(first.id);
    const queue = await queueForRole(db, (await as('register-officer')).actor!, 'register-officer', NOW, 'national');
    expect((queue.enquiries ?? []).find((i) => i.href === `/enquiries/${second.id}`)?.detail).toContain('consider whether this is a child in need');
  });

  it('a caller who rings off leaves what was shown on record', async () => {
    const db = suite.db();
    const { enquirer, child, id } = await childFoundByName();
    await abandonEnquiry(db, enquirer, id);
    const [row] = await db.select().from(enquiries).where(eq(enquiries.id, id));
    expect(row?.status).toBe('abandoned');
    expect(row?.shown.map((s) => s.personId)).toContain(child.id);
    await expect(abandonEnquiry(db, enquirer, id)).rejects.toBeInstanceOf(ConflictError);
  });
});
