import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { familyParticipation, outboxMessages } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { endPlan } from './end-plan.js';
import { loadPlan } from './load-plan.js';
import { planFixture } from './plan-fixture.test-support.js';
import { englishPlanEndedNotice, POLISH_PLAN_ENDED_SUBJECT, polishPlanEndedNotice } from './plan-ended-notice.test-support.js';

/**
 * Issue 14: the notice that a plan has ended reaches a family member in their language first,
 * then in English, like their invitation and the decisions; professionals read English only.
 */
describeEachEngine('plan-ending notices in the family’s language (issue 14)', (engine) => {
  const { db } = suiteDatabase(engine);

  it('tells the Polish-speaking mother in Polish then English, the Tigrinya-speaking father in English with the interpreter line, and the police in English', async () => {
    const f = await planFixture(db());
    const at = new Date('2026-03-01T09:00:00Z');
    // IN7, as recorded for the initial conference that made the plan.
    await db().insert(familyParticipation).values([
      { conferenceId: f.meeting.conferenceId, invitationId: f.meeting.invitationIds.mother, firstLanguage: 'Polish', interpreterNeeded: true, updatedAt: at },
      { conferenceId: f.meeting.conferenceId, invitationId: f.meeting.invitationIds.father, firstLanguage: 'Tigrinya', interpreterNeeded: true, updatedAt: at },
    ]);
    await endPlan(db(), f.as.serviceManager, 'national', f.plan.id, {
      route: 'left-uk', endedOn: '2026-04-18', reason: 'The family moved to Poland.', continuingSupport: 'early-help', continuingSupportDetails: 'Handed to the school', planVersion: 1,
    });
    const plan = await loadPlan(db(), f.plan.id);
    const messages = await db().select().from(outboxMessages).where(eq(outboxMessages.relatedId, plan.ending!.id));
    const to = (name: string) => messages.find((m) => m.toName === name)!;

    const english = (name: string) => englishPlanEndedNotice(name, {
      ended: 'The child protection plan for Alpha Testington ended on 18 April 2026.\nHow it ended: The child has left the UK permanently.',
      help: 'Early help (Handed to the school)',
    });

    const mother = to('Demi Testington');
    expect(mother.subject).toBe(POLISH_PLAN_ENDED_SUBJECT);
    expect(mother.bodyText).toBe(polishPlanEndedNotice(
      'Demi Testington',
      'Plan ochrony dziecka (Alpha Testington) zakończył się 18 kwietnia 2026.\n'
      + 'Sposób zakończenia: dziecko na stałe opuściło Wielką Brytanię.\n'
      + 'Dalsza pomoc: wczesna pomoc (early help). Szczegóły (zapisane po angielsku): Handed to the school.',
      english('Demi Testington'),
    ));

    const father = to('Fred Testington');
    expect(father.subject).toBe('Child protection plan ended: Alpha Testington');
    expect(father.bodyText).toBe(`This document is in English because we do not yet write our letters in Tigrinya. An interpreter will go through it with you in Tigrinya. If nobody has arranged this with you, please ask your social worker.\n\n${english('Fred Testington')}`);

    for (const name of ['PC Petra Placeholder', 'Sam Sampleford']) {
      expect(to(name).subject).toBe('Child protection plan ended: Alpha Testington');
      expect(to(name).bodyText).toBe(english(name));
    }
    expect(messages.every((m) => !/\d{4}-\d{2}-\d{2}/.test(`${m.subject} ${m.bodyText}`))).toBe(true);
  });
});
