import type { Database } from '../../db/client.js';
import { meetings, type ChecklistTick } from '../../db/schema/index.js';
import { OPENING_ITEMS, reportsNotYetHeard, type OpeningItem } from '../../domain/conference/opening-checklist.js';
import { mayChairConference } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { requireActor, requireOpenMeeting } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadAttendance, loadMeetingCore } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** CF4: the chair ticks what was set out; an item ticked earlier keeps who ticked it and when. */
export async function saveOpeningChecklist(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  input: { ticked: readonly OpeningItem[]; version: number },
): Promise<void> {
  const state = await loadMeetingCore(db, conferenceId);
  if (!mayChairConference(context.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference ticks the opening checklist.');
  const actorId = requireActor(context);
  const meeting = requireOpenMeeting(state);
  await assertVersion(db, 'The opening checklist', meeting, input.version);
  const unheard = reportsNotYetHeard(await loadAttendance(db, conferenceId));
  if (input.ticked.includes('absent-reports') && unheard.length > 0) {
    throw new ValidationError([{ field: 'ticked', message: `Present the written reports of ${unheard.join(', ')} first, and mark them presented on the attendance` }]);
  }
  const checklist: Record<string, ChecklistTick> = {};
  for (const item of OPENING_ITEMS) {
    if (!input.ticked.includes(item)) continue;
    checklist[item] = meeting.checklist[item] ?? { by: actorId, byName: context.actor?.displayName ?? '', at: context.now.toISOString() };
  }
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, meetings, { id: meeting.id, version: input.version }, { checklist, updatedAt: context.now, updatedBy: actorId }, () => lostRace('The opening checklist'));
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: 'meeting-checklist-saved', recordType: 'meeting', recordId: meeting.id, details: { ticked: Object.keys(checklist) },
    });
  });
}
