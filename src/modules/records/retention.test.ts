import { execFileSync } from 'node:child_process';
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addresses, auditEvents, cases, people, personMatchKeys, recordDisposals, referrals } from '../../db/schema/index.js';
import { describeEachEngine, POSTGRES_ADMIN_URL } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { verifyAuditChain } from '../audit/verify-chain.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { approveDisposal, DISPOSED_NAME, liftLegalHold, loadRetentionCase, proposeDisposal, setLegalHold, withdrawDisposal } from './dispose-records.js';
import { loadRetentionReview, PAGE_SIZE } from './load-retention-review.js';

const NOW = new Date('2026-03-10T10:00:00Z');

describeEachEngine('RC7: retention review and disposal', (engine) => {
  const suite = suiteDatabase(engine);

  async function setUp() {
    const db = suite.db();
    const orgId = (await createOrganisation(db, { kind: 'local-authority' })).id;
    const admin = await createUser(db, { roles: ['administrator'], organisationId: orgId });
    const officer = await createUser(db, { roles: ['register-officer'], organisationId: orgId });
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
    const elsewhere = await createUser(db, { roles: ['administrator'], organisationId: (await createOrganisation(db, { kind: 'local-authority' })).id });
    // A child who had a plan, born 1995, case closed 2012: due at the 25th birthday, 1 January 2020.
    const due = await childOnAPlan(db, orgId);
    await db.update(people).set({ dateOfBirth: '1995-01-01' }).where(eq(people.id, due.child.id));
    await db.update(cases).set({ closedOn: '2012-06-01' }).where(eq(cases.id, due.case.id));
    await db.insert(addresses).values({ personId: due.child.id, line1: '1 Example Road', town: 'Sampletown', postcode: 'ST1 1AA', fromDate: '2010-01-01' });
    await db.insert(personMatchKeys).values({ personId: due.child.id, key: 'test-key' });
    await db.insert(referrals).values({ caseId: due.case.id, receivedAt: new Date('2011-01-01T10:00:00Z'), channel: 'written', sourceCode: '1A', referrerName: 'Rita Referrer', natureOfConcerns: 'Bruises seen at school', howConcernsArose: 'Teacher noticed', decision: 'strategy-discussion' });
    const open = await childOnAPlan(db, orgId); // open: never listed
    const as = (u: typeof admin) => contextFor(u, NOW);
    return { db, orgId, admin, officer, worker, elsewhere, due, open, as };
  }

  it('lists the authority’s closed cases due for review, never an open one or another authority’s, with counts by type and paging', async () => {
    const { db, orgId, admin, officer, worker, elsewhere, due, open, as } = await setUp();
    // More due cases than one page: closed referrals with no further action, three years on.
    for (let i = 0; i < PAGE_SIZE + 2; i += 1) {
      const [child] = await db.insert(people).values({ kind: 'child', givenNames: `Child${i}`, familyName: 'Pager', dateOfBirth: '2015-01-01' }).returning();
      const [c] = await db.insert(cases).values({ childId: child!.id, organisationId: orgId, openedOn: '2019-01-01', closedOn: '2019-02-01' }).returning();
      await db.insert(referrals).values({ caseId: c!.id, receivedAt: new Date('2019-01-01T10:00:00Z'), channel: 'written', sourceCode: '1A', natureOfConcerns: 'x', howConcernsArose: 'y', decision: 'no-further-action' });
    }
    const first = await loadRetentionReview(db, as(admin), { state: 'due', page: 1 }, 'national');
    expect(first.counts.due).toBe(PAGE_SIZE + 3);
    expect(first.byType).toEqual([
      { type: 'case-with-plan', label: expect.any(String), count: 1 },
      { type: 'referral-no-further-action', label: expect.any(String), count: PAGE_SIZE + 2 },
    ]);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ caseId: due.case.id, dueOn: '2020-01-01', type: 'case-with-plan' });
    expect(first.pages).toBe(2);
    const all = [...first.rows, ...(await loadRetentionReview(db, as(officer), { state: 'due', page: 2 }, 'national')).rows].map((r) => r.caseId);
    expect(all).not.toContain(open.case.id);
    const typed = await loadRetentionReview(db, as(admin), { state: 'due', type: 'case-with-plan', page: 1 }, 'national');
    expect(typed.rows.map((r) => r.caseId)).toEqual([due.case.id]);
    expect((await loadRetentionReview(db, as(elsewhere), { state: 'due', page: 1 }, 'national')).total).toBe(0);
    await expect(loadRetentionReview(db, as(worker), { state: 'due', page: 1 }, 'national')).rejects.toBeInstanceOf(ForbiddenError);
    const limited = await loadRetentionReview(db, as(admin), { state: 'due', page: 1 }, 'national', 10);
    expect(limited).toMatchObject({ truncated: true, weighed: 10 });
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, 'retention-review-listed'), eq(auditEvents.childId, due.child.id)))).toBeGreaterThan(0);
    const home = await queueForRole(db, as(officer).actor!, 'register-officer', NOW, 'national');
    expect(home.retention?.[0]).toMatchObject({ href: '/records/retention', title: `${PAGE_SIZE + 3} closed cases due for retention review` });
  });

  it('disposal is proposed by one person and approved by another; it removes the child’s personal data, leaves a stub and the audit chain verifies', async () => {
    const { db, admin, officer, elsewhere, due, as } = await setUp();
    await expect(loadRetentionCase(db, as(elsewhere), due.case.id, 'national')).rejects.toBeInstanceOf(NotFoundError);
    await expect(proposeDisposal(db, as(elsewhere), due.case.id, 'national')).rejects.toBeInstanceOf(NotFoundError);
    await proposeDisposal(db, as(admin), due.case.id, 'national');
    await expect(proposeDisposal(db, as(officer), due.case.id, 'national')).rejects.toBeInstanceOf(ConflictError);
    const page = await loadRetentionCase(db, as(officer), due.case.id, 'national');
    expect(page.disposal).toMatchObject({ status: 'proposed', proposedBy: admin.id });
    const waiting = await queueForRole(db, as(officer).actor!, 'register-officer', NOW, 'national');
    expect(waiting.retention?.map((i) => i.href)).toContain(`/records/retention/cases/${due.case.id}`);
    // Four eyes: the proposer cannot approve.
    await expect(approveDisposal(db, as(admin), due.case.id, page.disposal!.version, 'national')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.select().from(people).where(eq(people.id, due.child.id)))[0]?.familyName).toBe('Testington');

    await approveDisposal(db, as(officer), due.case.id, page.disposal!.version, 'national');
    const [child] = await db.select().from(people).where(eq(people.id, due.child.id));
    expect(child).toMatchObject({ givenNames: '', familyName: DISPOSED_NAME, dateOfBirth: null, laChildId: null });
    expect(await db.$count(addresses, eq(addresses.personId, due.child.id))).toBe(0);
    expect(await db.$count(personMatchKeys, eq(personMatchKeys.personId, due.child.id))).toBe(0);
    expect((await db.select().from(referrals).where(eq(referrals.caseId, due.case.id)))[0]).toMatchObject({ referrerName: null, natureOfConcerns: DISPOSED_NAME });
    const [stub] = await db.select().from(recordDisposals).where(eq(recordDisposals.caseId, due.case.id));
    expect(stub).toMatchObject({ status: 'disposed', recordType: 'case-with-plan', dueOn: '2020-01-01', proposedBy: admin.id, approvedBy: officer.id });
    expect(stub?.recordIds.cases).toEqual([due.case.id]);
    expect(stub?.scheduleEntry).toMatchObject({ type: 'case-with-plan', years: 7, pack: 'national' });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'records-disposed'));
    expect(JSON.stringify(audit)).not.toMatch(/Testington|Alpha|1995-01-01|Example Road|Rita/);
    expect(audit?.details).toMatchObject({ caseId: due.case.id, proposedBy: admin.id, approvedBy: officer.id, recordType: 'case-with-plan' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    if (engine === 'postgres') {
      // The command an operator runs: `bin/convene audit verify` against this very database.
      const name = ((await db.execute(sql`select current_database() as n`)) as unknown as { rows: { n: string }[] }).rows[0]!.n;
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${name}`;
      const out = execFileSync('bin/convene', ['audit', 'verify', '--json'], { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8' });
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toMatchObject({ ok: true, finding: null });
    }
    await expect(approveDisposal(db, as(officer), due.case.id, stub!.version, 'national')).rejects.toBeInstanceOf(ConflictError);
    // Gone from the list of cases due.
    expect((await loadRetentionReview(db, as(admin), { state: 'due', page: 1 }, 'national')).rows.map((r) => r.caseId)).not.toContain(due.case.id);
  });

  it('refuses disposal of an open case and of one under a legal hold; lifting the hold lets it go, and a withdrawn proposal can be made again', async () => {
    const { db, admin, officer, due, open, as } = await setUp();
    await expect(proposeDisposal(db, as(admin), open.case.id, 'national')).rejects.toThrow(/open/);
    await setLegalHold(db, as(admin), due.case.id, 'Care proceedings are live', 'national');
    await expect(setLegalHold(db, as(admin), due.case.id, 'Again', 'national')).rejects.toBeInstanceOf(ConflictError);
    await expect(proposeDisposal(db, as(admin), due.case.id, 'national')).rejects.toThrow(/legal hold: Care proceedings are live/);
    expect((await loadRetentionReview(db, as(admin), { state: 'held', page: 1 }, 'national')).rows.map((r) => r.caseId)).toContain(due.case.id);
    await liftLegalHold(db, as(officer), due.case.id, 'Proceedings concluded', 'national');
    await proposeDisposal(db, as(admin), due.case.id, 'national');
    await withdrawDisposal(db, as(admin), due.case.id, 'national');
    await proposeDisposal(db, as(admin), due.case.id, 'national');
    // Held after it was proposed: the approval is refused.
    await setLegalHold(db, as(officer), due.case.id, 'A complaint is under investigation', 'national');
    const page = await loadRetentionCase(db, as(officer), due.case.id, 'national');
    await expect(approveDisposal(db, as(officer), due.case.id, page.disposal!.version, 'national')).rejects.toThrow(/legal hold/);
    // Reopened after it was proposed: refused too.
    await liftLegalHold(db, as(officer), due.case.id, 'Complaint closed', 'national');
    await db.update(cases).set({ closedOn: null }).where(eq(cases.id, due.case.id));
    await expect(approveDisposal(db, as(officer), due.case.id, page.disposal!.version, 'national')).rejects.toThrow(/open/);
    expect((await db.select().from(people).where(eq(people.id, due.child.id)))[0]?.familyName).toBe('Testington');
  });

  it('disposes once, however many second approvers save at the same moment', async () => {
    const { db, orgId, admin, officer, due, as } = await setUp();
    const secondOfficer = await createUser(db, { roles: ['register-officer'], organisationId: orgId });
    await proposeDisposal(db, as(admin), due.case.id, 'national');
    const { disposal } = await loadRetentionCase(db, as(officer), due.case.id, 'national');
    const results = await Promise.allSettled([
      approveDisposal(db, as(officer), due.case.id, disposal!.version, 'national'),
      approveDisposal(db, as(secondOfficer), due.case.id, disposal!.version, 'national'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, 'records-disposed'), eq(auditEvents.childId, due.child.id)))).toBe(1);
  });
});
