import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { RECORDING_FILE_TYPES } from '../../../domain/conference/recordings.js';
import { formatDate } from '../../../domain/deadlines/index.js';
import { attachRecording } from '../../../modules/recordings/attach-recording.js';
import { downloadRecording, downloadReleasedCopy, type RecordingFile } from '../../../modules/recordings/download-recording.js';
import { loadRecordings } from '../../../modules/recordings/load-recordings.js';
import { releaseRecording } from '../../../modules/recordings/release-recording.js';
import { requestRecording } from '../../../modules/recordings/request-recording.js';
import { mayChairConference, mayDistributeConferenceDocuments, mayReadConferenceOutcome } from '../../../policies/meeting.js';
import { hasRole } from '../../../policies/roles.js';
import { parseForm } from '../../forms.js';
import { runAction, submitShowingValues } from '../../forms/run-action.js';
import { setUpUploads, uploadedFile } from '../../input/uploads.js';
import { RECORDING_MAX_BYTES } from '../../../domain/conference/recordings.js';
import { releaseForm, requestForm, uploadFields } from './form.js';
import type { RecordPageRoute as Params } from '../../types.js';

const read = { config: { access: mayReadConferenceOutcome } };

const NOTICES: Record<string, string> = {
  uploaded: 'The recording is kept with the record.',
  requested: 'The request is recorded and waits on the chair’s list.',
  released: 'The copy is released. Download it below to hand over.',
  refused: 'The refusal is recorded.',
};

/** RC5: the conference's recordings, kept with the record, and their release on request with the record's redaction. */
export default async function recordingPages(app: FastifyInstance): Promise<void> {
  const { db } = app.convene;

  async function page(request: FastifyRequest, reply: FastifyReply, conferenceId: string, extra: Record<string, unknown> = {}) {
    const data = await loadRecordings(db, request.actionContext(), conferenceId);
    const nameOf = (invitationId: string | null) => data.readers.find((r) => r.invitationId === invitationId)?.name ?? '';
    const done = (request.query as { done?: string } | undefined)?.done ?? '';
    return reply.view('recordings/page.njk', {
      title: 'Recordings of the conference',
      conferenceId,
      recordings: data.recordings.map((r) => ({ ...r, forName: nameOf(r.redactedForInvitationId), typeLabel: RECORDING_FILE_TYPES[r.fileType] ?? r.fileType, kb: Math.ceil(r.bytes / 1024) })),
      requests: data.requests.map((q) => {
        const reader = data.readers.find((r) => r.invitationId === q.invitationId);
        return { ...q, name: reader?.name ?? '', role: reader?.role ?? '', needsRedaction: reader?.needsRedaction ?? false, askedOn: formatDate(q.requestedOn) };
      }),
      readers: data.readers,
      isChair: mayChairConference(request.actor, data.state.conference),
      mayRecordRequest: mayDistributeConferenceDocuments(request.actor),
      met: data.state.meeting !== null,
      maxMb: Math.floor(RECORDING_MAX_BYTES / (1024 * 1024)),
      notice: NOTICES[done] ?? null,
      values: {}, requestValues: {},
      backLink: { href: `/conferences/${conferenceId}/record`, text: 'Back to the record' },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/recordings', read, async (request, reply) => page(request, reply, request.params.id));

  app.post<Params>('/conferences/:id/recordings/requests', { config: { access: mayDistributeConferenceDocuments } }, async (request, reply) => {
    return submitShowingValues(reply, requestForm, (data) => requestRecording(db, request.actionContext(), request.params.id, data), {
      done: () => reply.redirect(`/conferences/${request.params.id}/recordings?done=requested`),
      again: ({ errors, values }) => page(request, reply, request.params.id, { errors, requestValues: values }),
    });
  });

  app.post<Params>('/recording-requests/:id/decision', { config: { access: (a) => hasRole(a, 'chair') } }, async (request, reply) => {
    const conferenceId = String((request.body as Record<string, unknown>)?.conferenceId ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(conferenceId)) return reply.callNotFound();
    const decide = async (data: z.infer<typeof releaseForm>) => {
      await releaseRecording(db, request.actionContext(), request.params.id, data);
      return data.decision;
    };
    return submitShowingValues(reply, releaseForm, decide, {
      done: (decision) => reply.redirect(`/conferences/${conferenceId}/recordings?done=${decision === 'release' ? 'released' : 'refused'}`),
      again: ({ errors }) => page(request, reply, conferenceId, { errors, decisionFor: request.params.id, decisionValues: request.body }),
    });
  });

  const send = (reply: FastifyReply, file: RecordingFile) =>
    reply.type(file.fileType).header('Content-Disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`)
      .header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'no-store').send(file.content);
  app.get<Params>('/recordings/:id/file', read, async (request, reply) => send(reply, await downloadRecording(db, request.actionContext(), request.params.id)));
  app.get<Params>('/recording-requests/:id/file', read, async (request, reply) => send(reply, await downloadReleasedCopy(db, request.actionContext(), request.params.id)));

  // The upload: multipart parsing confined to this scope (src/web/input/uploads.ts); the CSRF token travels as a field.
  await app.register(async (scope) => {
    await setUpUploads(scope, { maxFileBytes: RECORDING_MAX_BYTES, maxFields: 6 });

    scope.post<Params>('/conferences/:id/recordings', { config: { access: (a) => hasRole(a, 'chair') } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const typed = { kind: body.kind, redactedForInvitationId: body.redactedForInvitationId, description: body.description };
      const parsed = parseForm(uploadFields, typed);
      if (!parsed.ok) return page(request, reply.code(400), request.params.id, { errors: parsed.errors, values: typed });
      const file = uploadedFile(body);
      // The file itself cannot be shown again: the form comes back with the words, and the file is chosen again.
      return runAction(reply, () => attachRecording(db, request.actionContext(), request.params.id, { ...parsed.data, file }), {
        values: typed,
        done: () => reply.redirect(`/conferences/${request.params.id}/recordings?done=uploaded`),
        again: ({ errors, values }) => page(request, reply, request.params.id, { errors, values }),
      });
    });
  });
}
