import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSENT_ANSWERS } from '../../../../domain/conference/information-sharing.js';
import { loadInformationSharing, policeTookPart, saveInformationSharing } from '../../../../modules/meeting/information-sharing.js';
import { loadMeetingState } from '../../../../modules/meeting/meeting-state.js';
import { ForbiddenError } from '../../../../modules/shared/errors.js';
import { mayRecordInformationSharing, mayRunMeeting } from '../../../../policies/meeting.js';
import { auditReads, shownRefusal } from '../page-helpers.js';
import { submitShowingValues } from '../../../forms/run-action.js';
import { informationSharingForm } from './form.js';

type Params = { Params: { id: string } };
const access = { config: { access: mayRunMeeting } };
const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

/** RC6: the conference's decision on what is shared with the police and the family, and consent. */
export default function informationSharingPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, typed: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    if (!mayRecordInformationSharing(request.actor, state.conference)) throw new ForbiddenError('Only the chair or the minute taker of this conference records the information-sharing decision.');
    await auditReads(request, state, 'conference-information-sharing');
    const saved = await loadInformationSharing(db, state.conference.id);
    const values = typed ?? (saved
      ? { ...saved, shareAnyway: yesNo(saved.shareAnyway), policeConsulted: yesNo(saved.policeConsulted) }
      : { version: 0 });
    return reply.view('meeting/information-sharing/page.njk', {
      title: 'Information sharing', conferenceId: state.conference.id, values, policeTookPart: policeTookPart(state),
      consentOptions: Object.entries(CONSENT_ANSWERS).map(([value, text]) => ({ value, text })),
      backLink: { href: `/conferences/${state.conference.id}/record`, text: 'Back to the record' },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/information-sharing', access, async (request, reply) => page(request, reply, null));
  app.post<Params>('/conferences/:id/information-sharing', access, async (request, reply) => {
    return submitShowingValues(reply, informationSharingForm, (data) => saveInformationSharing(db, request.actionContext(), request.params.id, data), {
      again: (refusal) => page(request, reply, refusal.values, shownRefusal(refusal)),
      done: () => reply.redirect(`/conferences/${request.params.id}/record?done=sharing`),
    });
  });
}
