import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { conferenceInformationSharing } from '../../db/schema/index.js';
import { informationSharingBlocksApproval, informationSharingProblems, type InformationSharingInput } from '../../domain/conference/information-sharing.js';
import { mayRecordInformationSharing } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadMeetingState, type MeetingState } from './meeting-state.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export type InformationSharingRow = typeof conferenceInformationSharing.$inferSelect;

export async function loadInformationSharing(db: Queryable, conferenceId: string): Promise<InformationSharingRow | null> {
  const [row] = await db.select().from(conferenceInformationSharing).where(eq(conferenceInformationSharing.conferenceId, conferenceId));
  return row ?? null;
}

/** The police took part: a police officer was present, or a police report was submitted. */
export function policeTookPart(state: Pick<MeetingState, 'attendance'>): boolean {
  return state.attendance.some((a) => a.agency === 'police' && (a.status === 'present' || a.writtenReportSubmitted));
}

/** RC6 for approving the record: refused, naming what to do, while the police took part and no decision is recorded. */
export async function assertInformationSharingDecided(db: Queryable, state: MeetingState): Promise<void> {
  const recorded = (await loadInformationSharing(db, state.conference.id)) !== null;
  if (informationSharingBlocksApproval({ policeTookPart: policeTookPart(state), recorded })) {
    throw new ValidationError([{ field: 'informationSharing', message: 'The police took part: record what information will be shared with the police and with the family, and consent, before approving the record' }]);
  }
}

/**
 * RC6 (`004` 8.2.2–8.2.4): the conference's decision on sharing information, recorded by its chair
 * or minute taker; `version` 0 records it, a later version corrects it. Audited for each child.
 */
export async function saveInformationSharing(db: Database, ctx: ActionContext, conferenceId: string, input: InformationSharingInput & { version: number }): Promise<void> {
  const state = await loadMeetingState(db, conferenceId);
  if (!mayRecordInformationSharing(ctx.actor, state.conference)) throw new ForbiddenError('Only the chair or the minute taker of this conference records the information-sharing decision.');
  if (!state.meeting) throw new ConflictError('The meeting has not been opened yet.');
  const problems = informationSharingProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const refused = input.consent === 'refused';
  const values = {
    withPolice: input.withPolice.trim(), withFamily: input.withFamily.trim(), withheld: input.withheld.trim(), consent: input.consent!,
    consentFrom: input.consent === 'not-needed' ? '' : input.consentFrom.trim(),
    shareAnyway: refused ? input.shareAnyway : null, shareAnywayReasons: refused ? input.shareAnywayReasons.trim() : '', policeConsulted: refused ? input.policeConsulted : null,
    recordedBy: ctx.actor?.id ?? null, recordedAt: ctx.now,
  };
  await db.transaction(async (tx) => {
    const lost = () => new ConflictError('Someone else saved the information-sharing decision since you opened it. Open it again to see theirs.');
    let id: string;
    if (input.version === 0) {
      // One decision per conference: a second first save finds the first one there and is told.
      const [made] = await tx.insert(conferenceInformationSharing).values({ ...values, conferenceId }).onConflictDoNothing().returning({ id: conferenceInformationSharing.id });
      if (!made) throw lost();
      id = made.id;
    } else {
      const seen = { where: eq(conferenceInformationSharing.conferenceId, conferenceId), version: input.version };
      ({ id } = await updateAtVersion(tx, conferenceInformationSharing, seen, values, lost));
    }
    await auditForChildren(tx, ctx, state.subjects.map((c) => c.childId), {
      action: 'information-sharing-recorded', recordType: 'conference-information-sharing', recordId: id,
      details: { consent: values.consent, shareAnyway: values.shareAnyway },
    });
  });
}
