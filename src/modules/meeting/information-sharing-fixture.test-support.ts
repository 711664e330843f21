import type { Database } from '../../db/client.js';
import { COMPLETE_OUTLINE, CONFERENCE_START, attendanceByName, createMeetingFixture, meetingUnderWay, planDecision, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { concludeMeeting } from './conclude-meeting.js';
import { recordLeaving } from './record-leaving.js';
import { loadRecord } from './record-state.js';
import { recordDecision } from './record-decision.js';
import { saveOutlinePlan } from './save-outline-plan.js';
import { saveRecordDraft } from './save-record-draft.js';
import { saveView } from './save-view.js';
import type { InformationSharingInput } from '../../domain/conference/information-sharing.js';

/** RC6 test support: a decision with consent given, as a conference that heard from the police records it. */
export const SHARING_DECIDED: InformationSharingInput = {
  withPolice: 'The decision and the outline plan.',
  withFamily: 'That the police are investigating an allegation against a visitor to the home.',
  withheld: 'The name of the person who made the allegation, and the details of the investigation.',
  consent: 'given', consentFrom: 'PC Petra Placeholder for the police', shareAnyway: null, shareAnywayReasons: '', policeConsulted: null,
};

/**
 * A conference the police attended, its decision and outline plan recorded and the meeting ended,
 * with the record's essential sections drafted: ready for the chair to approve but for RC6.
 * With `fatherAskedToLeave`, the father was asked to leave the analysis of risk and his record
 * covers only what he attended (EX3), so what is released to him is redacted (RC5).
 */
export async function heldConferenceWithPolice(db: Database, options: { now?: Date; fatherAskedToLeave?: boolean } = {}): Promise<MeetingFixture> {
  const { now, fatherAskedToLeave = false } = options;
  const f = await createMeetingFixture(db, { pack: 'hertfordshire' });
  const { chair, minuteTaker } = await meetingUnderWay(db, f, now ? { now } : {});
  const people = await attendanceByName(db, f.conferenceId);
  if (fatherAskedToLeave) {
    const father = people.get('Fred Testington')!;
    await recordLeaving(db, chair, f.conferenceId, father.id, {
      part: 'analysis', at: new Date(CONFERENCE_START.getTime() + 40 * 60_000), forRest: false, askedToLeave: true, reason: 'Threats to the mother',
      recordScope: 'attended-part', recordWithheldGround: 'safety', version: father.version,
    });
  }
  for (const name of ['Sam Sampleford', 'Hana Exampleton', 'PC Petra Placeholder']) {
    await saveView(db, minuteTaker, f.conferenceId, f.alphaId, null, { attendanceId: people.get(name)!.id, planNeeded: true, categories: ['PHY'], reasons: 'Risk remains' }, null);
  }
  await recordDecision(db, chair, f.conferenceId, f.alphaId, planDecision(f), null);
  await saveOutlinePlan(db, minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, null);
  await concludeMeeting(db, chair, f.conferenceId, { version: 2 });
  const record = await loadRecord(db, f.conferenceId);
  await saveRecordDraft(db, minuteTaker, f.conferenceId, { sections: { 'essential-facts': 'Alpha was seen with bruising', 'information-discussion': 'Everyone contributed' }, version: record.version });
  return f;
}
