import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, childProtectionPlans, emergencyResponsibility, outboxMessages } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { passResponsibility, recordEmergencyConsultation, recordTheirAnswer } from './emergency-responsibility.js';
import { otherAuthorityFixture } from './other-authority-fixture.test-support.js';
import { loadTemporaryResident, recordTemporaryResidentChange, tellLocalAgencies } from './temporary-residents.js';

const NOW = new Date('2026-03-10T10:00:00Z');

describeEachEngine('TR3: children of another authority', (engine) => {
  const { db } = suiteDatabase(engine);

  const consultation = { responsibleAuthority: 'Exampleshire Council', responsibleBecause: 'looked-after', emergencyAction: 'Police protection; placed with an emergency foster carer.', foundOn: '2026-03-08', consultedOn: '2026-03-08', consultedName: 'Their out-of-hours manager' };

  it('keeps responsibility, and the item on the designated manager’s list, until the other authority explicitly accepts and confirms it in writing', async () => {
    const f = await otherAuthorityFixture(db(), NOW);
    await expect(recordEmergencyConsultation(db(), f.as(f.elsewhere), f.found.childId, consultation)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordEmergencyConsultation(db(), f.as(f.officer), f.found.childId, { ...consultation, consultedName: '' })).rejects.toMatchObject({ errors: [{ field: 'consultedName' }] });
    const id = await recordEmergencyConsultation(db(), f.as(f.officer), f.found.childId, consultation);
    const href = `/transfers/emergency/${id}`;
    expect(await f.items()).toContainEqual(['Emergency action, another authority responsible: Kilo Exampleton', href]);

    await expect(passResponsibility(db(), f.as(f.officer), id, { version: 1 })).rejects.toThrow(/have not yet accepted/);
    await recordTheirAnswer(db(), f.as(f.officer), id, { answer: 'accepts', answeredOn: '2026-03-09', writtenConfirmationOn: null, writtenConfirmationReference: '', version: 1 });
    await expect(passResponsibility(db(), f.as(f.officer), id, { version: 2 })).rejects.toThrow(/not yet confirmed it in writing/);
    expect((await db().select().from(emergencyResponsibility).where(eq(emergencyResponsibility.id, id)))[0]).toMatchObject({ status: 'awaiting-writing', passedAt: null });
    await expect(recordTheirAnswer(db(), f.as(f.officer), id, { answer: 'accepts', answeredOn: '2026-03-09', writtenConfirmationOn: '2026-03-10', writtenConfirmationReference: '', version: 2 }))
      .rejects.toMatchObject({ errors: [{ field: 'writtenConfirmationReference' }] });
    await recordTheirAnswer(db(), f.as(f.officer), id, { answer: 'accepts', answeredOn: '2026-03-09', writtenConfirmationOn: '2026-03-10', writtenConfirmationReference: 'Letter from their head of service dated 10 March', version: 2 });
    await expect(passResponsibility(db(), f.as(f.officer), id, { version: 2 })).rejects.toBeInstanceOf(ConflictError);
    await passResponsibility(db(), f.as(f.officer), id, { version: 3 });
    expect((await db().select().from(emergencyResponsibility).where(eq(emergencyResponsibility.id, id)))[0]).toMatchObject({ status: 'passed', passedBy: f.officer.id });
    expect((await f.items()).map(([, h]) => h)).not.toContain(href);
    const audit = await db().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.recordId, id), eq(auditEvents.childId, f.found.childId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['emergency-authority-consulted', 'emergency-authority-answered', 'emergency-acceptance-confirmed-in-writing', 'emergency-responsibility-passed']));
  });

  it('records a temporary resident’s move, ends their entry on our register, and tells the local agencies through the outbox until done', async () => {
    const f = await otherAuthorityFixture(db(), NOW);
    await expect(loadTemporaryResident(db(), f.as(f.elsewhere), f.planId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(tellLocalAgencies(db(), f.as(f.officer), f.planId, null)).rejects.toBeInstanceOf(ConflictError);
    await expect(recordTemporaryResidentChange(db(), f.as(f.officer), f.planId, { change: 'moved-on', changedOn: '2026-03-11', details: 'To Sampleton' })).rejects.toMatchObject({ errors: [{ field: 'changedOn' }] });
    await recordTemporaryResidentChange(db(), f.as(f.officer), f.planId, { change: 'moved-on', changedOn: '2026-03-09', details: 'Moved with her mother to Sampleton, outside our area.' });
    expect((await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.id, f.planId)))[0]).toMatchObject({ endDate: '2026-03-09', endReason: 'moved-away' });
    const href = `/plans/${f.planId}/temporary-resident`;
    expect(await f.items()).toContainEqual(['Tell local agencies: Lima Exampleton', href]);

    expect((await loadTemporaryResident(db(), f.as(f.officer), f.planId)).agencies.map((a) => a.email)).toEqual(['hana@health.example', 'pat@school.example']);
    expect(await tellLocalAgencies(db(), f.as(f.officer), f.planId, { name: 'Sampleshire Police, child protection unit', email: 'cpu@police.example' })).toBe(3);
    const sent = await db().select().from(outboxMessages).where(eq(outboxMessages.relatedType, 'temporary-resident'));
    expect(sent.map((m) => m.toAddress).sort()).toEqual(['cpu@police.example', 'hana@health.example', 'pat@school.example']);
    expect(sent[0]!.bodyText).toContain('Moved out of our area on 9 March 2026');
    expect((await f.items()).map(([, h]) => h)).not.toContain(href);
    await expect(tellLocalAgencies(db(), f.as(f.officer), f.planId, null)).rejects.toBeInstanceOf(ConflictError);
  });
});
