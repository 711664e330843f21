import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, conferenceInformationSharing } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { approveRecord } from './approve-record.js';
import { loadInformationSharing, saveInformationSharing } from './information-sharing.js';
import { heldConferenceWithPolice, SHARING_DECIDED } from './information-sharing-fixture.test-support.js';
import { loadRecord } from './record-state.js';

describeEachEngine('RC6: information sharing decided and recorded at the conference', (engine) => {
  const { db } = suiteDatabase(engine);

  it('refuses a refusal of consent without a share-anyway decision and reasons, and anyone without a part in this conference; audited for each child', async () => {
    const f = await heldConferenceWithPolice(db());
    const otherChair = await createUser(db(), { roles: ['chair'], organisationId: f.chair.organisationId });
    const refused = { ...SHARING_DECIDED, consent: 'refused', consentFrom: 'The mother', version: 0 };
    await expect(saveInformationSharing(db(), contextFor(otherChair), f.conferenceId, refused)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveInformationSharing(db(), contextFor(f.minuteTaker), f.conferenceId, refused)).rejects.toMatchObject({ errors: [{ field: 'shareAnyway' }, { field: 'shareAnywayReasons' }] });
    await expect(saveInformationSharing(db(), contextFor(f.minuteTaker), f.conferenceId, { ...refused, shareAnyway: true, shareAnywayReasons: 'She must know who visits to keep Alpha safe.' }))
      .rejects.toMatchObject({ errors: [{ field: 'policeConsulted' }] });
    expect(await loadInformationSharing(db(), f.conferenceId)).toBeNull();

    await saveInformationSharing(db(), contextFor(f.minuteTaker), f.conferenceId, { ...refused, shareAnyway: true, shareAnywayReasons: 'She must know who visits to keep Alpha safe.', policeConsulted: true });
    expect(await loadInformationSharing(db(), f.conferenceId)).toMatchObject({ consent: 'refused', shareAnyway: true, policeConsulted: true, version: 1 });
    await expect(saveInformationSharing(db(), contextFor(f.chair), f.conferenceId, { ...SHARING_DECIDED, version: 0 })).rejects.toBeInstanceOf(ConflictError);
    await saveInformationSharing(db(), contextFor(f.chair), f.conferenceId, { ...SHARING_DECIDED, version: 1 });
    // Consent given: no share-anyway decision is kept from before.
    expect(await loadInformationSharing(db(), f.conferenceId)).toMatchObject({ consent: 'given', shareAnyway: null, shareAnywayReasons: '', policeConsulted: null, version: 2 });
    const [row] = await db().select().from(conferenceInformationSharing).where(eq(conferenceInformationSharing.conferenceId, f.conferenceId));
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.recordId, row!.id), eq(auditEvents.action, 'information-sharing-recorded')));
    expect(audit.map((a) => a.childId)).toEqual([f.alphaId, f.alphaId]);
  });

  it('the chair cannot approve the record of a conference the police took part in until the decision is recorded', async () => {
    const f = await heldConferenceWithPolice(db());
    const record = await loadRecord(db(), f.conferenceId);
    await expect(approveRecord(db(), contextFor(f.chair), f.conferenceId, { version: record.version })).rejects.toMatchObject({ errors: [{ field: 'informationSharing' }] });
    expect((await loadRecord(db(), f.conferenceId)).approvedVersion).toBeNull();
    await saveInformationSharing(db(), contextFor(f.chair), f.conferenceId, { ...SHARING_DECIDED, version: 0 });
    expect(await approveRecord(db(), contextFor(f.chair), f.conferenceId, { version: record.version })).toBe(1);
  });
});
