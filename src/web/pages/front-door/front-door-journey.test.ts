import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { expect, it } from 'vitest';
import {
  assessments, conferenceChildren, conferences, conferenceStatusHistory, referrals, section47Enquiries, strategyDiscussions,
} from '../../../db/schema/index.js';
import { workingCalendar } from '../../../modules/calendar/calendar-store.js';
import { decideToConvene } from '../../../modules/front-door/decide-to-convene.js';
import { contextFor, createFamily, discussionInput, referralInput } from '../../../../test/support/front-door-fixtures.js';
import { decideReferral } from '../../../modules/front-door/decide-referral.js';
import { recordReferral } from '../../../modules/front-door/record-referral.js';
import { recordSection47Outcome } from '../../../modules/front-door/record-section-47-outcome.js';
import { recordStrategyDiscussion } from '../../../modules/front-door/record-strategy-discussion.js';
import { startSection47Enquiries } from '../../../modules/front-door/start-section-47.js';
import type { ActionContext } from '../../../modules/shared/action-context.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

const NOW = new Date('2026-03-09T12:00:00Z');

const referralForm = (over: Record<string, string> = {}) => ({
  receivedDate: '2026-03-02', receivedTime: '09:30', channel: 'telephone', sourceCode: '2A', referrerIsProfessional: 'yes', anonymous: 'no',
  referrerName: 'Rita Sampleton', referrerRole: 'Designated safeguarding lead', referrerOrganisation: 'Sampleton Primary School',
  natureOfConcerns: 'Bruising (synthetic).', howConcernsArose: 'Seen in PE (synthetic).', needs: 'Safety (synthetic).',
  referrerInvolvement: 'Class teacher (synthetic).', ...over,
});

describeEachEngine('front-door journey: referral to an authorised decision to convene', (engine) => {
  const { db, orgId, staffMember, signedIn: signInAs } = signedInApp(engine, { at: NOW, staff: { sw: ['social-worker'], tm: ['team-manager'] } });
  // Signed in and landed on the home page, as a person arrives.
  /** By the actions: a referral, a strategy discussion, a section 47 and its outcome of continuing risk, as a decision to convene needs; gives the section 47's id. */
  const throughToSection47Outcome = async (ctx: ActionContext, householdId: string, caseId: string): Promise<string> => {
    const referralId = await recordReferral(db(), ctx, caseId, referralInput());
    await decideReferral(db(), ctx, referralId, { decision: 'strategy-discussion', reasons: 'x', decidedDate: '2026-03-02', decidedTime: '15:00' });
    const discussion = await recordStrategyDiscussion(db(), ctx, householdId, discussionInput([caseId]));
    const [enquiry] = await startSection47Enquiries(db(), ctx, discussion, [caseId]);
    await recordSection47Outcome(db(), ctx, enquiry!, { outcome: 'continuing-risk', reasons: 'x', icpcNotRequired: false });
    return enquiry!;
  };
  const signedIn = async (username: string) => {
    const client = await signInAs(username);
    await client.get('/');
    return client;
  };

  it('a strategy discussion for two children, their section 47 outcomes, a decision to convene an ICPC, and a team manager’s authorisation', async () => {
    const family = await createFamily(db(), orgId(), 'Testington', [{ givenNames: 'Alpha' }, { givenNames: 'Bravo' }, { givenNames: 'Charlie', dateOfBirth: '2012-01-01' }]);
    const [alpha, bravo, charlie] = family.children;
    const sw = await signedIn('sw');

    for (const child of [alpha!, bravo!]) {
      expect((await sw.get(`/cases/${child.caseId}/referral/new`)).statusCode).toBe(200);
      const posted = await sw.post(`/cases/${child.caseId}/referral/new`, referralForm());
      expect(posted.statusCode).toBe(302);
      const page = await sw.get(`/cases/${child.caseId}/front-door`);
      expect(page.body).toMatch(/data-testid="decision-due">[\s\S]*?3 March 2026/);
      const [referral] = await db().select().from(referrals).where(eq(referrals.caseId, child.caseId));
      await sw.get(`/referrals/${referral!.id}/decision`);
      expect((await sw.post(`/referrals/${referral!.id}/decision`, {
        decision: 'strategy-discussion', reasons: 'Possible significant harm', decidedDate: '2026-03-02', decidedTime: '15:00',
      })).statusCode).toBe(302);
    }

    await sw.get(`/households/${family.householdId}/strategy-discussions/new`);
    expect(sw.lastBody).toContain('Alpha Testington');
    const recorded = await sw.post(`/households/${family.householdId}/strategy-discussions/new`, {
      heldDate: '2026-03-03', heldTime: '11:00', caseIds: [alpha!.caseId, bravo!.caseId],
      participantAgency0: 'childrens-social-care', participantName0: 'Sam Worker', participantRole0: 'Social worker',
      participantAgency1: 'police', participantName1: 'DC Test', participantRole1: 'Officer',
      participantAgency2: '', participantName2: '', participantRole2: '',
      informationShared: 'Synthetic.', decisions: 'Joint visit.', basisForDecisions: 'Reasonable cause.', initiateSection47: 'yes',
      immediateSafetyActions: 'None', sharedWithFamily: 'Purpose of the enquiry.', legalAction: 'None', physicalAbuseOrSeriousNeglect: 'no',
      concernDate: '', concernTime: '',
    });
    expect(recorded.statusCode).toBe(302);
    const discussionUrl = String(recorded.headers.location).split('?')[0]!;
    const discussionPage = await sw.get(discussionUrl);
    expect(discussionPage.body).toContain('No participant from Health is recorded');
    expect(discussionPage.body).toMatch(/data-testid="circulation-due">[\s\S]*?4 March 2026[\s\S]*?Overdue/);
    expect((await sw.post(`${discussionUrl}/section-47`, { caseIds: [alpha!.caseId, bravo!.caseId] })).statusCode).toBe(302);

    const enquiries = await db().select().from(section47Enquiries);
    for (const child of [alpha!, bravo!]) {
      const enquiry = enquiries.find((e) => e.caseId === child.caseId)!;
      expect(enquiry.startedOn).toBe('2026-03-03');
      await sw.get(`/section-47/${enquiry.id}/outcome`);
      expect((await sw.post(`/section-47/${enquiry.id}/outcome`, { outcome: 'continuing-risk', reasons: 'Injuries unexplained', icpcNotRequired: 'no' })).statusCode).toBe(302);
    }

    const convenePage = await sw.get(`/households/${family.householdId}/convene`);
    expect(convenePage.statusCode).toBe(200);
    expect(convenePage.body).toContain('Charlie Testington'); // CV2: every child of the household is listed
    const decided = await sw.post(`/households/${family.householdId}/convene`, {
      kind: 'initial', decisionDate: '2026-03-09', epoExpiresOn: '',
      [`role-${alpha!.caseId}`]: 'subject', [`harm-${alpha!.caseId}`]: 'Physical injury', [`harmFrom-${alpha!.caseId}`]: 'Mother’s partner',
      [`role-${bravo!.caseId}`]: 'subject', [`harm-${bravo!.caseId}`]: 'Emotional harm', [`harmFrom-${bravo!.caseId}`]: 'Mother’s partner',
      [`role-${charlie!.caseId}`]: 'household', [`harm-${charlie!.caseId}`]: '', [`harmFrom-${charlie!.caseId}`]: '',
    });
    expect(decided.statusCode).toBe(302);
    const conferenceId = /\/conferences\/([0-9a-f-]{36})\/authorise/.exec(String(decided.headers.location))![1]!;
    expect((await sw.get(`/conferences/${conferenceId}/authorise`)).body).toContain('Waiting for a team manager to authorise');
    expect((await sw.get('/decisions-to-convene')).statusCode).toBe(403);

    const tm = await signedIn('tm');
    const list = await tm.get('/decisions-to-convene');
    expect(list.body).toContain('Testington household');
    expect(list.body).toContain('Alpha Testington');
    await tm.get(`/conferences/${conferenceId}/authorise`);
    expect((await tm.post(`/conferences/${conferenceId}/authorise`, { version: '1' })).statusCode).toBe(302);

    const [conference] = await db().select().from(conferences).where(eq(conferences.id, conferenceId));
    const ts1 = (await workingCalendar(db())).addWorkingDays(Temporal.PlainDate.from('2026-03-03'), 15).toString();
    expect(conference).toMatchObject({ status: 'requested', kind: 'initial', dueDate: ts1, dueRuleId: 'TS1', dueFromDate: '2026-03-03' });
    const links = await db().select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, conferenceId));
    expect(links.filter((l) => l.role === 'subject').map((l) => l.caseId).sort()).toEqual([alpha!.caseId, bravo!.caseId].sort());
    expect(links.find((l) => l.caseId === charlie!.caseId)?.role).toBe('household');
  });

  it('bad input re-renders the page with 400 and field errors, and writes nothing', async () => {
    const family = await createFamily(db(), orgId(), 'Sampleford', [{ givenNames: 'Delta' }]);
    const caseId = family.children[0]!.caseId;
    const sw = await signedIn('sw');
    await sw.get(`/cases/${caseId}/referral/new`);
    const anonymous = await sw.post(`/cases/${caseId}/referral/new`, referralForm({ anonymous: 'yes', sourceCode: '9', referrerName: '' }));
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.body).toContain('There is a problem');
    expect(anonymous.body).toContain('A professional cannot refer anonymously');
    const blank = await sw.post(`/cases/${caseId}/referral/new`, referralForm({ natureOfConcerns: '', receivedDate: '2026-02-30' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the nature of the concerns');
    expect(blank.body).toContain('Enter a real date');
    expect(await db().select().from(referrals).where(eq(referrals.caseId, caseId))).toHaveLength(0);

    // Through to an outcome by the actions, then a decision to convene without the harm.
    const ctx = contextFor(staffMember('sw'), NOW);
    const enquiry = await throughToSection47Outcome(ctx, family.householdId, caseId);
    await sw.get(`/households/${family.householdId}/convene`);
    const noHarm = await sw.post(`/households/${family.householdId}/convene`, {
      kind: 'initial', decisionDate: '2026-03-09', [`role-${caseId}`]: 'subject', [`harm-${caseId}`]: '', [`harmFrom-${caseId}`]: '',
    });
    expect(noHarm.statusCode).toBe(400);
    expect(noHarm.body).toContain('Enter the significant harm Delta Sampleford is likely to suffer');
    expect(noHarm.body).toContain(`href="#harmFrom-${caseId}"`);
    expect(await db().select().from(conferences).where(eq(conferences.householdId, family.householdId))).toHaveLength(0);

    const missing = await sw.post(`/section-47/${enquiry}/child-seen`, { date: '2026-03-04', seenAlone: 'no', whoWasPresent: '', whyNotAlone: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Say why the child was not seen alone');
    expect((await db().select().from(section47Enquiries).where(eq(section47Enquiries.id, enquiry!)))[0]?.childSeen).toEqual([]);
  });

  it('a referral closed with no further action blocks any later assessment, strategy discussion or conference', async () => {
    const family = await createFamily(db(), orgId(), 'Placeholder', [{ givenNames: 'Echo' }]);
    const caseId = family.children[0]!.caseId;
    const sw = await signedIn('sw');
    await sw.get(`/cases/${caseId}/referral/new`);
    await sw.post(`/cases/${caseId}/referral/new`, referralForm({ channel: 'written' }));
    const [referral] = await db().select().from(referrals).where(eq(referrals.caseId, caseId));
    await sw.get(`/referrals/${referral!.id}/decision`);
    await sw.post(`/referrals/${referral!.id}/decision`, { decision: 'no-further-action', reasons: 'Explained; advice given', decidedDate: '2026-03-02', decidedTime: '16:00' });
    const page = await sw.get(`/cases/${caseId}/front-door`);
    expect(page.body).toContain('ReferralNFA');
    expect(page.body).not.toContain('Start the initial assessment');

    const assessment = await sw.post(`/cases/${caseId}/assessments`, { startedOn: '2026-03-03' });
    expect(assessment.statusCode).toBe(409);
    expect(assessment.body).toContain('closed with no further action, so no assessment can be recorded');
    await sw.get(`/households/${family.householdId}/strategy-discussions/new`);
    const discussion = await sw.post(`/households/${family.householdId}/strategy-discussions/new`, {
      heldDate: '2026-03-03', heldTime: '11:00', caseIds: caseId, participantAgency0: 'childrens-social-care', participantName0: 'Sam Worker',
      informationShared: 'x', decisions: 'x', basisForDecisions: 'x', initiateSection47: 'yes', immediateSafetyActions: 'None',
      sharedWithFamily: 'x', legalAction: 'None', physicalAbuseOrSeriousNeglect: 'no',
    });
    expect(discussion.statusCode).toBe(400);
    expect(discussion.body).toContain('no strategy discussion can be recorded in this episode');
    const convene = await sw.post(`/households/${family.householdId}/convene`, {
      kind: 'initial', decisionDate: '2026-03-09', [`role-${caseId}`]: 'subject', [`harm-${caseId}`]: 'x', [`harmFrom-${caseId}`]: 'y',
    });
    expect(convene.statusCode).toBe(400);
    expect(convene.body).toContain('no conference can be recorded in this episode');
    expect(await db().select().from(assessments).where(eq(assessments.caseId, caseId))).toHaveLength(0);
    expect(await db().select().from(strategyDiscussions).where(eq(strategyDiscussions.householdId, family.householdId))).toHaveLength(0);
    expect(await db().select().from(conferences).where(eq(conferences.householdId, family.householdId))).toHaveLength(0);
  });

  it('a double submit of the authorisation authorises once and says so the second time', async () => {
    const family = await createFamily(db(), orgId(), 'Fictionale', [{ givenNames: 'Foxtrot' }]);
    const caseId = family.children[0]!.caseId;
    const ctx = contextFor(staffMember('sw'), NOW);
    await throughToSection47Outcome(ctx, family.householdId, caseId);
    const id = await decideToConvene(db(), ctx, family.householdId, 'national', {
      kind: 'initial', decisionDate: '2026-03-09', choices: [{ caseId, role: 'subject', likelyHarm: 'Neglect', harmFrom: 'Parents' }],
    });
    const tm = await signedIn('tm');
    await tm.get(`/conferences/${id}/authorise`);
    const first = await tm.post(`/conferences/${id}/authorise`, { version: '1' });
    const second = await tm.post(`/conferences/${id}/authorise`, { version: '1' });
    expect(first.statusCode).toBe(302);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('already been authorised');
    const history = await db().select().from(conferenceStatusHistory)
      .where(and(eq(conferenceStatusHistory.conferenceId, id), eq(conferenceStatusHistory.event, 'authorise')));
    expect(history).toHaveLength(1);
    expect((await db().select().from(conferences).where(eq(conferences.id, id)))[0]).toMatchObject({ status: 'requested', version: 2 });
  });
});
