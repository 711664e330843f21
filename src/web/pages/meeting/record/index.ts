import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordSectionsFor } from '../../../../domain/conference/record-sections.js';
import { RECORD_FORM_LABELS, type RecordForm } from '../../../../domain/conference/record-rules.js';
import { approveRecord, reviseRecord } from '../../../../modules/meeting/approve-record.js';
import { distributeRecord } from '../../../../modules/meeting/distribute-record.js';
import { loadInformationSharing, policeTookPart } from '../../../../modules/meeting/information-sharing.js';
import { loadMeetingState } from '../../../../modules/meeting/meeting-state.js';
import { loadRecordVersions } from '../../../../modules/meeting/load-record-versions.js';
import { listRecipients } from '../../../../modules/meeting/recipients.js';
import { recordCopy, renderCopy } from '../../../../modules/meeting/record-copies.js';
import { loadRecord } from '../../../../modules/meeting/record-state.js';
import { saveRecordDraft } from '../../../../modules/meeting/save-record-draft.js';
import { saveRecordFacts } from '../../../../modules/meeting/save-record-facts.js';
import { loadDistribution } from '../../../../modules/meeting/load-distribution.js';
import { mayChairConference, mayDistributeConferenceDocuments, mayDraftRecord, mayReadConferenceOutcome } from '../../../../policies/meeting.js';
import { addDraftRoute, dropDraft, restoreDraft, type DraftSpec } from '../../../drafts.js';
import { auditReads, meetingUrl, shownRefusal } from '../page-helpers.js';
import { submitShowingValues } from '../../../forms/run-action.js';
import { factsForm, sectionsFrom, versionOnly } from './form.js';

type Params = { Params: { id: string; invitationId?: string; format?: string }; Querystring: { done?: string; version?: string } };
const read = { config: { access: mayReadConferenceOutcome } };
const draft = { config: { access: mayDraftRecord } };

/** RC1–RC4, TS11: the record drafted, approved by the chair, and sent to each reader in their own copy. */
export default function recordPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, typed: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    await auditReads(request, state, 'conference-record');
    const record = await loadRecord(db, state.conference.id);
    const specs = recordSectionsFor(record.form as RecordForm, state.rules.record);
    const versions = await loadRecordVersions(db, record.id);
    const current = versions.find((x) => x.v.number === record.currentVersion)?.v.sections ?? {};
    const saved = { version: record.version, ...Object.fromEntries(specs.map((s) => [`section_${s.key}`, current[s.key] ?? ''])) };
    // Coming back to the form: their own draft, if they have one, over what was last saved (the version is always today's).
    const restored = !typed && record.status === 'draft' && mayDraftRecord(request.actor) ? await restoreDraft(request, 'record', state.conference.id) : null;
    const values = typed ?? (restored ? { ...saved, ...restored.fields, version: record.version } : saved);
    const copyVersion = record.approvedVersion ?? record.currentVersion;
    const { doc } = await recordCopy(db, state, record, copyVersion, null);
    return reply.view('meeting/record/page.njk', {
      title: 'Record of the conference',
      conferenceId: state.conference.id, record, specs, values, versions,
      formLabel: RECORD_FORM_LABELS[record.form as RecordForm],
      facts: state.meeting?.recordFacts ?? {}, meetingVersion: state.meeting?.version ?? 0,
      isChair: mayChairConference(request.actor, state.conference),
      mayDraft: mayDraftRecord(request.actor),
      mayDistribute: mayDistributeConferenceDocuments(request.actor),
      recipients: await listRecipients(db, state.conference.id, state.attendance),
      copyVersion, doc,
      distribution: await loadDistribution(db, state, 'record', 'TS11', app.convene.clock()),
      // RC6: the information-sharing decision, required before approval where the police took part.
      informationSharing: { recorded: (await loadInformationSharing(db, state.conference.id)) !== null, policeTookPart: policeTookPart(state) },
      done: request.query.done ?? null,
      draft: restored, draftUrl: `/conferences/${state.conference.id}/record/draft`,
      backLink: { href: meetingUrl(state.conference.id), text: 'Back to the conference screen' },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/record', read, async (request, reply) => page(request, reply, null));

  /** The record written in the meeting keeps its author's typing as a draft (issue 14). */
  const recordDraftSpec: DraftSpec = {
    formKey: () => 'record',
    target: async (request) => {
      const state = await loadMeetingState(db, (request.params as { id: string }).id);
      return { recordId: state.conference.id, childIds: state.subjects.map((c) => c.childId) };
    },
    pagePath: (request) => `/conferences/${(request.params as { id: string }).id}/record`,
  };
  addDraftRoute(app, '/conferences/:id/record', mayDraftRecord, recordDraftSpec);

  app.post<Params>('/conferences/:id/record', { config: { access: mayDraftRecord, draft: recordDraftSpec } }, async (request, reply) => {
    const save = async ({ version }: { version: number }) => {
      const state = await loadMeetingState(db, request.params.id);
      const record = await loadRecord(db, request.params.id);
      const sections = sectionsFrom(request.body as Record<string, unknown>, recordSectionsFor(record.form as RecordForm, state.rules.record));
      return saveRecordDraft(db, request.actionContext(), request.params.id, { sections, version });
    };
    return submitShowingValues(reply, versionOnly, save, {
      again: (refusal) => page(request, reply, refusal.values, shownRefusal(refusal)),
      done: async () => {
        await dropDraft(request, 'record', request.params.id);
        return reply.redirect(`/conferences/${request.params.id}/record?done=saved`);
      },
    });
  });

  const step = (path: string, run: (request: FastifyRequest<Params>, version: number) => Promise<unknown>, done: string, access = draft) =>
    app.post<Params>(`/conferences/:id/record/${path}`, access, async (request, reply) => {
      return submitShowingValues(reply, versionOnly, ({ version }) => run(request, version), {
        again: (refusal) => page(request, reply, null, shownRefusal(refusal)),
        done: () => reply.redirect(`/conferences/${request.params.id}/record?done=${done}`),
      });
    });
  step('approve', (r, version) => approveRecord(db, r.actionContext(), r.params.id, { version }), 'approved');
  step('revise', (r, version) => reviseRecord(db, r.actionContext(), r.params.id, { version }), 'revised');
  step('distribute', (r, version) => distributeRecord(db, r.actionContext(), r.params.id, { version }), 'distributed', { config: { access: mayDistributeConferenceDocuments } });

  app.post<Params>('/conferences/:id/record/facts', draft, async (request, reply) => {
    return submitShowingValues(reply, factsForm, ({ version, ...flags }) => saveRecordFacts(db, request.actionContext(), request.params.id, { flags, version }), {
      again: (refusal) => page(request, reply, null, shownRefusal(refusal)),
      done: () => reply.redirect(`/conferences/${request.params.id}/record?done=facts`),
    });
  });

  async function sendCopy(request: FastifyRequest<Params>, reply: FastifyReply, invitationId: string | null) {
    const format = request.params.format === 'docx' ? 'docx' : request.params.format === 'pdf' ? 'pdf' : null;
    if (!format) return reply.callNotFound();
    const state = await loadMeetingState(db, request.params.id);
    await auditReads(request, state, 'conference-record-copy');
    const record = await loadRecord(db, request.params.id);
    const asked = Number(request.query.version);
    const version = Number.isInteger(asked) && asked > 0 && asked <= record.currentVersion ? asked : (record.approvedVersion ?? record.currentVersion);
    const { doc } = await recordCopy(db, state, record, version, invitationId);
    const body = await renderCopy(doc, format);
    const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return reply.type(type).header('content-disposition', `attachment; filename="conference-record-v${version}.${format}"`).header('cache-control', 'no-store').send(body);
  }
  app.get<Params>('/conferences/:id/record.:format', read, async (request, reply) => sendCopy(request, reply, null));
  app.get<Params>('/conferences/:id/record/copies/:invitationId.:format', read, async (request, reply) => sendCopy(request, reply, request.params.invitationId ?? null));
}
