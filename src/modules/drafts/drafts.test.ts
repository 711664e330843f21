import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { contextFor, createMeetingFixture, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { auditEvents, formDrafts } from '../../db/schema/index.js';
import { NotFoundError } from '../shared/errors.js';
import { discardFormDraft } from './discard-form-draft.js';
import { loadFormDraft } from './load-form-draft.js';
import { saveFormDraft } from './save-form-draft.js';

describeEachEngine('form drafts (issue 14)', (engine) => {
  const suite = suiteDatabase(engine);
  let f: MeetingFixture;
  const db = () => suite.db();
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute));

  beforeAll(async () => {
    f = await createMeetingFixture(db());
  });

  const target = () => ({ formKey: 'record', recordId: f.conferenceId, childIds: [f.alphaId], path: `/conferences/${f.conferenceId}/record` });

  it('one draft per person, form and record: a later save replaces it, and only its author finds it', async () => {
    const taker = contextFor(f.minuteTaker, at(0));
    await saveFormDraft(db(), taker, { ...target(), body: { section_summary: 'first', _csrf: 'x' } });
    await saveFormDraft(db(), contextFor(f.minuteTaker, at(5)), { ...target(), body: { section_summary: 'second' } });
    const rows = await db().select().from(formDrafts).where(and(eq(formDrafts.userId, f.minuteTaker.id), isNull(formDrafts.clearedAt)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fields: { section_summary: 'second' }, savedAt: at(5), childIds: [f.alphaId] });
    expect(await loadFormDraft(db(), taker, 'record', f.conferenceId)).toMatchObject({ fields: { section_summary: 'second' } });
    expect(await loadFormDraft(db(), contextFor(f.chair, at(6)), 'record', f.conferenceId)).toBeNull();
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, 'form-draft-saved'));
    expect(audits.filter((a) => a.userId === f.minuteTaker.id && a.childId === f.alphaId)).toHaveLength(2);
  });

  it('someone with no relationship to the child keeps no draft, and a bad form key or path is refused', async () => {
    const other = await createOrganisation(db(), { name: `Other ${engine}`, kind: 'local-authority' });
    const outsider = await createUser(db(), { roles: ['business-support'], organisationId: other.id, username: `out-${engine}` });
    await expect(saveFormDraft(db(), contextFor(outsider, at(7)), { ...target(), body: { a: 'b' } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().select().from(formDrafts).where(eq(formDrafts.userId, outsider.id))).toHaveLength(0);
    await expect(saveFormDraft(db(), contextFor(f.minuteTaker, at(7)), { ...target(), formKey: 'Bad Key!', body: {} })).rejects.toThrow();
    await expect(saveFormDraft(db(), contextFor(f.minuteTaker, at(7)), { ...target(), path: '//evil.example/x', body: {} })).rejects.toThrow();
  });

  it('only its author discards a draft; a submit removes it by form and record; each is audited', async () => {
    const [row] = await db().select().from(formDrafts).where(and(eq(formDrafts.userId, f.minuteTaker.id), isNull(formDrafts.clearedAt)));
    await expect(discardFormDraft(db(), contextFor(f.chair, at(8)), { draftId: row!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await discardFormDraft(db(), contextFor(f.minuteTaker, at(8)), { draftId: row!.id })).toEqual({ path: `/conferences/${f.conferenceId}/record` });
    await saveFormDraft(db(), contextFor(f.minuteTaker, at(9)), { ...target(), body: { section_summary: 'again' } });
    expect(await discardFormDraft(db(), contextFor(f.minuteTaker, at(10)), { formKey: 'record', recordId: f.conferenceId }, 'submitted')).not.toBeNull();
    expect(await db().select().from(formDrafts).where(and(eq(formDrafts.userId, f.minuteTaker.id), isNull(formDrafts.clearedAt)))).toHaveLength(0);
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.recordType, 'form-draft'))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['form-draft-discarded', 'form-draft-submitted']));
    // The text of a discarded or submitted draft is gone from the database.
    const [cleared] = await db().select().from(formDrafts).where(eq(formDrafts.userId, f.minuteTaker.id));
    expect(cleared).toMatchObject({ fields: {}, clearedAt: at(10) });
    // Nothing left to remove after a submit: not an error.
    expect(await discardFormDraft(db(), contextFor(f.minuteTaker, at(11)), { formKey: 'record', recordId: f.conferenceId }, 'submitted')).toBeNull();
  });

  it('typing sent before the form was saved, arriving after, does not bring the draft back; typing after it does', async () => {
    // The draft was cleared at 10:10 (above). A save of typing from 10:09, still on its way, changes nothing.
    await saveFormDraft(db(), contextFor(f.minuteTaker, at(9)), { ...target(), body: { section_summary: 'late' } });
    expect(await loadFormDraft(db(), contextFor(f.minuteTaker, at(12)), 'record', f.conferenceId)).toBeNull();
    // New typing, after the save, is a new draft.
    await saveFormDraft(db(), contextFor(f.minuteTaker, at(13)), { ...target(), body: { section_summary: 'new' } });
    expect(await loadFormDraft(db(), contextFor(f.minuteTaker, at(14)), 'record', f.conferenceId)).toMatchObject({ fields: { section_summary: 'new' } });
  });
});
