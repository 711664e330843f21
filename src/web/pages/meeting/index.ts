import type { FastifyInstance } from 'fastify';
import { loadUserNames } from '../../../modules/accounts/load-user-names.js';
import { concludeMeeting } from '../../../modules/meeting/conclude-meeting.js';
import { loadSlotFacts } from '../../../modules/meeting/load-slot-facts.js';
import { loadMeetingState } from '../../../modules/meeting/meeting-state.js';
import { openMeeting } from '../../../modules/meeting/open-meeting.js';
import { saveOpeningChecklist } from '../../../modules/meeting/save-checklist.js';
import { mayChairConference, mayFollowMeeting, mayReachMeetingScreen, mayRunMeeting } from '../../../policies/meeting.js';
import { ForbiddenError } from '../../../modules/shared/errors.js';
import { parseForm } from '../../forms.js';
import { checklistForm, concludeForm } from './form.js';
import { auditReads, meetingUrl, shownRefusal } from './page-helpers.js';
import { runAction, submitShowingValues } from '../../forms/run-action.js';
import { screenModel } from './presenter.js';
import type { RecordPageRoute as Params } from '../../types.js';

const access = { config: { access: mayRunMeeting } };

const NOTICES: Record<string, string> = {
  opened: 'The meeting is open. Mark who is present as they arrive.',
  checklist: 'The opening checklist is saved.',
  attendance: 'Attendance is saved.',
  left: 'Leaving is recorded.',
  view: 'The view is recorded.',
  decision: 'The decision is recorded.',
  plan: 'The outline plan is saved.',
  held: 'The conference is recorded as held. Send the decisions next.',
  adjourned: 'The conference is adjourned; the reconvened conference is waiting to be booked.',
};

/** The conference screen: header, opening checklist, attendance, quorum and progress per child (CF1–CF4, TS28). */
export default function meetingScreen(app: FastifyInstance): void {
  const { db } = app.convene;

  async function render(request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply, id: string, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, id);
    // The allocated social worker of a subject child follows the meeting; only its runners change it.
    if (!mayFollowMeeting(request.actor, state.subjects)) throw new ForbiddenError('Only the chair, the minute taker and the children’s social workers see the conference screen.');
    await auditReads(request, state, 'conference-meeting');
    const staff = await loadUserNames(db, [state.conference.chairId, state.conference.minuteTakerId]);
    const model = screenModel(state, staff, await loadSlotFacts(db, state));
    const readOnly = !mayRunMeeting(request.actor);
    return reply.view('meeting/screen.njk', {
      title: `Conference: ${model.kindLabel}`,
      ...model,
      ...(readOnly ? { editable: false } : {}),
      readOnly,
      isChair: mayChairConference(request.actor, state.conference),
      backLink: { href: `/conferences/${id}`, text: 'Back to the conference' },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/meeting', { config: { access: mayReachMeetingScreen } }, async (request, reply) =>
    render(request, reply, request.params.id, { notice: NOTICES[request.query.done ?? ''] ?? null }),
  );

  app.post<Params>('/conferences/:id/meeting/open', access, async (request, reply) => {
    await openMeeting(db, request.actionContext(), request.params.id);
    return reply.redirect(meetingUrl(request.params.id, '?done=opened'));
  });

  app.post<Params>('/conferences/:id/meeting/checklist', access, async (request, reply) => {
    const parsed = parseForm(checklistForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return render(request, reply, request.params.id, { errors: parsed.errors });
    }
    return runAction(reply, () => saveOpeningChecklist(db, request.actionContext(), request.params.id, parsed.data), {
      again: (refusal) => render(request, reply, request.params.id, { ...shownRefusal(refusal), typedTicks: parsed.data.ticked }),
      done: () => reply.redirect(meetingUrl(request.params.id, '?done=checklist')),
    });
  });

  app.post<Params>('/conferences/:id/meeting/conclude', access, async (request, reply) => {
    return submitShowingValues(reply, concludeForm, (data) => concludeMeeting(db, request.actionContext(), request.params.id, data), {
      again: (refusal) => render(request, reply, request.params.id, shownRefusal(refusal)),
      done: (concluded) => reply.redirect(meetingUrl(request.params.id, concluded.event === 'hold' ? '?done=held' : '?done=adjourned')),
    });
  });
}
