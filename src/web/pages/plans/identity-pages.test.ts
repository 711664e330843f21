import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { planIdentityNeeds } from '../../../db/schema/index.js';
import { planPageSuite } from './plan-page-suite.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';

describeEachEngine('PL4 identity and family pages', (engine) => {
  const { db, signedIn, f } = planPageSuite(engine, { plan: { now: new Date('2026-04-20T10:00:00Z') } });

  it('the lead social worker sees the gaps on the plan and their list, is refused with every value kept, then answers and the plan shows each answer', async () => {
    const worker = await signedIn(f().meeting.socialWorker.username);
    const plan = await worker.get(`/plans/${f().plan.id}`);
    expect(plan.body).toContain('The plan does not yet say: culture: diet, disability and personal care; language;');
    expect((await worker.get('/')).body).toContain(`/plans/${f().plan.id}/identity`);

    const first = await worker.get(`/plans/${f().plan.id}/identity`);
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('govuk-error-message');
    const typed = {
      culture: 'Halal diet; eczema cream twice a day.', language: 'Sylheti at home.', religion: 'Mosque on Fridays.', shortfalls: 'Carer shown where to buy halal food.',
      birthFamilyContact: 'Weekly supervised contact with father.', familyGroupConference: 'considered-not-referred', familyGroupConferenceReasons: '', version: '0',
    };
    const refused = await worker.post(`/plans/${f().plan.id}/identity`, typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Say why a family group conference was not referred');
    expect(refused.body).toContain('Weekly supervised contact with father.');
    expect(refused.body).toContain('Carer shown where to buy halal food.');

    const saved = await worker.post(`/plans/${f().plan.id}/identity`, { ...typed, familyGroupConferenceReasons: 'Mother declined for now.' });
    expect(saved.statusCode).toBe(302);
    const [row] = await db().select().from(planIdentityNeeds).where(eq(planIdentityNeeds.planId, f().plan.id));
    expect(row?.birthFamilyContact).toBe('Weekly supervised contact with father.');
    const after = await worker.get(`/plans/${f().plan.id}`);
    expect(after.body).not.toContain('The plan does not yet say');
    expect(after.body).toContain('Weekly supervised contact with father.');
    expect(after.body).toContain('Considered and not referred: Mother declined for now.');
    expect((await worker.get('/')).body).not.toContain(`/plans/${f().plan.id}/identity`);

    const stale = await worker.post(`/plans/${f().plan.id}/identity`, { ...typed, familyGroupConference: 'referred' });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a team manager of another team and the chair', async () => {
    const other = await signedIn(f().as.secondTeamManager.actor!.username);
    expect((await other.get(`/plans/${f().plan.id}/identity`)).statusCode).toBe(403);
    const chair = await signedIn(f().meeting.chair.username);
    expect((await chair.get(`/plans/${f().plan.id}/identity`)).statusCode).toBe(403);
  });
});
