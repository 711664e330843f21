import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, conferenceChildren, conferences } from '../../db/schema/index.js';
import { pdfText } from '../../documents/pdf-text.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { contextFor } from '../../../test/support/front-door-fixtures.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import { loadSection47Sharing, section47SharingWarnings } from './load-section-47-sharing.js';
import { recordSection47Outcome } from './record-section-47-outcome.js';
import { createSharingFixture } from './section-47-sharing-fixture.test-support.js';
import { recordChildUnderstanding, recordOutcomeShared, section47FamilyRecordPdf } from './share-section-47-outcome.js';

const NOW = new Date('2026-03-06T12:00:00Z');
const LATER = new Date('2026-03-09T12:00:00Z');

describeEachEngine('FD6: the section 47 outcome shared with the family before any initial conference', (engine) => {
  const { db, orgId } = suiteWithOrganisation(engine);

  const setUp = () => createSharingFixture(db(), orgId(), NOW);

  const share = { method: 'letter', methodDetail: '', format: 'translated', language: 'Polish', interpreter: true, sharedOn: '2026-03-09' };

  it('lists the sharing for the case’s social worker from the outcome until every parent, and the child judged able, has it', async () => {
    const { stranger, child, mother, father, enquiryId, sw, items } = await setUp();
    expect(await items()).toEqual([]);
    await recordSection47Outcome(db(), sw(), enquiryId, { outcome: 'continuing-risk', reasons: 'Unexplained injuries (confidential detail).', icpcNotRequired: false });
    const [first] = await items();
    expect(first).toMatchObject({ title: 'Share the section 47 outcome with the family: Alpha Testington', dueDate: null });
    expect(first!.detail).toBe('Decide whether Alpha Testington is old enough to receive it; still to share with Demi Testington, Fred Testington.');

    await expect(loadSection47Sharing(db(), contextFor(stranger, NOW), enquiryId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordOutcomeShared(db(), contextFor(stranger, LATER), enquiryId, mother.id, share)).rejects.toBeInstanceOf(ForbiddenError);
    const loaded = await loadSection47Sharing(db(), sw(), enquiryId);
    expect(loaded.recipients.map((r) => [r.name, r.defaults])).toEqual([
      ['Demi Testington', { format: 'translated', language: 'Polish', interpreter: true }],
      ['Fred Testington', { format: 'standard', language: 'English', interpreter: false }],
    ]);
    expect(loaded.childAge).toBe(11);

    await expect(recordOutcomeShared(db(), sw(), enquiryId, mother.id, share)).rejects.toMatchObject({ errors: [{ field: 'sharedOn' }] });
    await recordOutcomeShared(db(), sw(LATER), enquiryId, mother.id, share);
    await expect(recordOutcomeShared(db(), sw(LATER), enquiryId, mother.id, share)).rejects.toBeInstanceOf(ConflictError);
    await recordOutcomeShared(db(), sw(LATER), enquiryId, father.id, { ...share, method: 'in-person', format: 'standard', language: 'English', interpreter: false });
    expect((await items(LATER))[0]!.detail).toBe('Decide whether Alpha Testington is old enough to receive it.');

    await expect(recordChildUnderstanding(db(), sw(LATER), enquiryId, { understands: true, reasons: '' })).rejects.toMatchObject({ errors: [{ field: 'reasons' }] });
    await recordChildUnderstanding(db(), sw(LATER), enquiryId, { understands: true, reasons: 'She is 11 and asked what happens next.' });
    await expect(recordChildUnderstanding(db(), sw(LATER), enquiryId, { understands: false, reasons: 'x' })).rejects.toBeInstanceOf(ConflictError);
    expect((await items(LATER))[0]!.detail).toBe('Still to share with Alpha Testington.');
    const childCopy = pdfText((await section47FamilyRecordPdf(db(), sw(LATER), enquiryId, child.childId)).pdf).replace(/\s+/g, ' ');
    expect(childCopy).toContain('Dear Alpha Testington,');
    expect(childCopy).toContain('we saw you with her mother');
    expect(childCopy).not.toContain('confidential detail');
    await recordOutcomeShared(db(), sw(LATER), enquiryId, child.childId, { ...share, method: 'in-person', format: 'child-friendly', language: 'English', interpreter: false });
    expect(await items(LATER)).toEqual([]);

    const audit = await db().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.childId, child.childId), eq(auditEvents.action, 'section-47-outcome-shared')));
    expect(audit).toHaveLength(3);
  });

  it('dates the item, and warns the readiness check, by the booked initial conference', async () => {
    const { child, mother, father, enquiryId, sw, items } = await setUp();
    await recordSection47Outcome(db(), sw(), enquiryId, { outcome: 'continuing-risk', reasons: 'Unexplained injuries.', icpcNotRequired: false });
    const start = new Date('2026-03-13T10:00:00Z');
    const [conference] = await db().insert(conferences).values({ kind: 'initial', status: 'booked', pack: 'national', scheduledStart: start, requestedAt: NOW }).returning();
    await db().insert(conferenceChildren).values({ conferenceId: conference!.id, caseId: child.caseId, childId: child.childId, role: 'subject', childType: 'initial' });
    const [item] = await items();
    expect(item).toMatchObject({ dueDate: '2026-03-12', state: 'due later' });
    expect(item!.explanation).toContain('before the initial conference on 13 March 2026');

    expect((await section47SharingWarnings(db(), [child.childId], start, NOW)).map((w) => w.level)).toEqual(['urgent']);
    expect((await section47SharingWarnings(db(), [child.childId], new Date('2026-04-20T10:00:00Z'), NOW)).map((w) => w.level)).toEqual(['warning']);
    await recordChildUnderstanding(db(), sw(LATER), enquiryId, { understands: false, reasons: 'Too distressed to take it in now; her worker will talk it through later.' });
    await recordOutcomeShared(db(), sw(LATER), enquiryId, mother.id, share);
    await recordOutcomeShared(db(), sw(LATER), enquiryId, father.id, { ...share, format: 'standard', language: 'English', interpreter: false });
    expect(await section47SharingWarnings(db(), [child.childId], start, LATER)).toEqual([]);
    expect(await items(LATER)).toEqual([]);
  });
});
