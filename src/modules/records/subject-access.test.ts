import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, outboxMessages, subjectAccessRequests } from '../../db/schema/index.js';
import { documentText } from '../../documents/document-model.js';
import { pdfText } from '../../documents/pdf-text.js';
import { WITHHELD } from '../../domain/records/subject-access.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { buildSubjectAccessBundle, renderSubjectAccessBundle } from './subject-access-bundle.js';
import { CONFIDENTIAL_REPORT_TEXT, CONFIDENTIAL_TEXT, subjectAccessFixture } from './subject-access-fixture.test-support.js';
import { extendSubjectAccess, loadSubjectAccessRequest, recordIdentityCheck, recordSubjectAccessRelease, recordSubjectAccessRequest } from './subject-access.js';

const NOW = new Date('2026-03-10T10:00:00Z');

describeEachEngine('RC7: subject access requests', (engine) => {
  const suite = suiteDatabase(engine);
  const input = {
    childGivenNames: 'alpha', childFamilyName: 'TESTINGTON', childDateOfBirth: '2019-05-01', requesterName: 'Beth Testington', relationship: 'parent',
    receivedOn: '2026-03-02', identityCheckedOn: null, identityEvidence: '', responsibleUserId: null,
  };

  it('records a request about a child found by exact name and date of birth; it is on the responsible person’s list, due a month after the identity check, overdue after', async () => {
    const db = suite.db();
    const { ig, ig2, admin, f, mother } = await subjectAccessFixture(db, `a${engine}`);
    await expect(recordSubjectAccessRequest(db, contextFor(admin, NOW), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordSubjectAccessRequest(db, contextFor(ig, NOW), { ...input, childDateOfBirth: '2019-05-02' })).rejects.toMatchObject({ errors: [{ field: 'childFamilyName' }] });
    await expect(recordSubjectAccessRequest(db, contextFor(ig, NOW), { ...input, receivedOn: '2026-03-11' })).rejects.toMatchObject({ errors: [{ field: 'receivedOn' }] });
    const id = await recordSubjectAccessRequest(db, contextFor(ig, NOW), { ...input, responsibleUserId: ig2.id });
    const [row] = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, id));
    expect(row).toMatchObject({ childId: f.child.id, requesterPersonId: mother.id, responsibleUserId: ig2.id, identityChecked: false });
    // The recorder is not responsible: the request is not theirs to open.
    await expect(loadSubjectAccessRequest(db, contextFor(ig, NOW), id)).rejects.toBeInstanceOf(NotFoundError);
    const queue = async (at: Date) => (await queueForRole(db, contextFor(ig2, at).actor!, 'auditor', at, 'national'))['subject-access'] ?? [];
    expect((await queue(NOW))[0]).toMatchObject({ href: `/subject-access/${id}`, dueDate: null });
    await expect(recordIdentityCheck(db, contextFor(ig2, NOW), id, { identityCheckedOn: '2026-03-01', identityEvidence: 'Passport', version: 1 })).rejects.toMatchObject({ errors: [{ field: 'identityCheckedOn' }] });
    await recordIdentityCheck(db, contextFor(ig2, NOW), id, { identityCheckedOn: '2026-03-09', identityEvidence: 'Passport seen at the front desk', version: 1 });
    expect((await loadSubjectAccessRequest(db, contextFor(ig2, NOW), id)).due.dueOn).toBe('2026-04-09');
    expect((await queue(NOW))[0]).toMatchObject({ dueDate: '2026-04-09', state: 'due later' });
    expect((await queue(new Date('2026-04-10T10:00:00Z')))[0]?.state).toMatch(/^overdue/);
    expect((await queue(NOW)).length).toBe(1);
    expect(await db.$count(auditEvents, and(eq(auditEvents.recordId, id), eq(auditEvents.action, 'subject-access-identity-checked')))).toBe(1);
  });

  it('the bundle holds the child’s records with no confidential text and no third party’s name, as text and as PDF; the release is recorded once and audited', async () => {
    const db = suite.db();
    const { ig, f } = await subjectAccessFixture(db, `b${engine}`);
    const id = await recordSubjectAccessRequest(db, contextFor(ig, NOW), { ...input, identityCheckedOn: '2026-03-02', identityEvidence: 'Driving licence' });
    const { doc, sha256 } = await buildSubjectAccessBundle(db, contextFor(ig, NOW), id);
    const text = documentText(doc);
    for (const secret of [CONFIDENTIAL_TEXT, CONFIDENTIAL_REPORT_TEXT, 'safeguarding flag', 'Police intelligence', 'Carl', 'Nora', 'Neighbourly', 'Larry', 'Lodgerson']) expect(text).not.toContain(secret);
    for (const kept of ['Alpha Testington', 'Beth Testington', 'Beth spoke for the family', 'Alpha is under weight', 'missed two appointments', 'Hana Exampleton', WITHHELD, 'Alpha needs a plan under neglect.', 'Neglect']) expect(text).toContain(kept);
    const pdf = await pdfText(await renderSubjectAccessBundle(doc));
    expect(pdf).toContain('Alpha Testington');
    for (const secret of ['Police intelligence', 'safeguarding flag', 'Carl', 'Nora', 'Lodgerson']) expect(pdf).not.toContain(secret);
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, 'subject-access-bundle-produced'), eq(auditEvents.childId, f.child.id)))).toBe(1);

    await expect(recordSubjectAccessRelease(db, contextFor(ig, NOW), id, { releasedOn: '2026-03-10', method: '', version: 1 }, sha256)).rejects.toMatchObject({ errors: [{ field: 'method' }] });
    await recordSubjectAccessRelease(db, contextFor(ig, NOW), id, { releasedOn: '2026-03-10', method: 'Secure email', version: 1 }, sha256);
    expect((await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, id)))[0]).toMatchObject({ releasedOn: '2026-03-10', releaseMethod: 'Secure email', releasedBy: ig.id, bundleSha256: sha256 });
    await expect(recordSubjectAccessRelease(db, contextFor(ig, NOW), id, { releasedOn: '2026-03-10', method: 'Post', version: 2 }, sha256)).rejects.toMatchObject({ errors: [{ field: 'releasedOn' }] });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'subject-access-released'), eq(auditEvents.recordId, id)));
    expect(audit?.details).toMatchObject({ bundleSha256: sha256, method: 'Secure email' });
    expect((await queueForRole(db, contextFor(ig, NOW).actor!, 'auditor', NOW, 'national'))['subject-access']).toEqual([]);
  });

  it('a complex request is extended by two further months before the first runs out, with the reason: the deadline moves, the requester is told by letter, the list shows the new date; refused after the deadline and a second time', async () => {
    const db = suite.db();
    const { ig } = await subjectAccessFixture(db, `x${engine}`);
    const as = (at: Date) => contextFor(ig, at);
    const id = await recordSubjectAccessRequest(db, as(NOW), { ...input, identityCheckedOn: '2026-03-02', identityEvidence: 'Passport' });
    const late = await recordSubjectAccessRequest(db, as(NOW), { ...input, identityCheckedOn: '2026-03-02', identityEvidence: 'Passport', requesterName: 'Carl Testington' });
    expect((await loadSubjectAccessRequest(db, as(NOW), id)).due.dueOn).toBe('2026-04-02');
    const letter = { reason: 'Twelve years of records across three teams to read and redact', channel: 'email' as const, address: 'beth@example.org', version: 1 };
    await expect(extendSubjectAccess(db, as(NOW), id, { ...letter, reason: ' ' })).rejects.toMatchObject({ errors: [{ field: 'reason' }] });
    await expect(extendSubjectAccess(db, as(NOW), id, { ...letter, address: 'not an address' })).rejects.toMatchObject({ errors: [{ field: 'address' }] });
    expect(await extendSubjectAccess(db, as(NOW), id, letter)).toBe('2026-06-02');
    const extended = await loadSubjectAccessRequest(db, as(NOW), id);
    expect(extended).toMatchObject({ extendedOn: '2026-03-10', extensionReason: letter.reason, extendedBy: ig.id, due: { dueOn: '2026-06-02' } });
    expect(extended.due.explanation).toContain('two further months');
    const [sent] = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, id));
    expect(sent).toMatchObject({ channel: 'email', toName: 'Beth Testington', toAddress: 'beth@example.org', relatedType: 'subject-access-extension' });
    expect(sent?.bodyText).toContain(letter.reason);
    expect(sent?.bodyText).toContain('2 June 2026');
    expect(sent?.bodyText).not.toContain('Alpha');
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.recordId, id), eq(auditEvents.action, 'subject-access-extended')));
    expect(audit?.details).toMatchObject({ oldDueOn: '2026-04-02', newDueOn: '2026-06-02' });
    await expect(extendSubjectAccess(db, as(NOW), id, { ...letter, version: 2 })).rejects.toMatchObject({ errors: [{ message: expect.stringMatching(/already extended/) }] });
    await expect(extendSubjectAccess(db, as(NOW), late, { ...letter, version: 2 })).rejects.toBeInstanceOf(ConflictError);
    const queue = await queueForRole(db, as(NOW).actor!, 'auditor', NOW, 'national');
    expect(queue['subject-access']?.find((i) => i.href === `/subject-access/${id}`)).toMatchObject({ dueDate: '2026-06-02' });
    // After the first month has run out, too late: the requester had to be told within it.
    const after = new Date('2026-04-03T10:00:00Z');
    await expect(extendSubjectAccess(db, as(after), late, letter)).rejects.toMatchObject({ errors: [{ field: 'reason', message: expect.stringMatching(/^The one-month deadline passed on 2 April 2026/) }] });
    expect(await db.$count(outboxMessages, eq(outboxMessages.relatedId, late))).toBe(0);
  });
});
