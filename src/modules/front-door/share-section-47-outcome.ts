import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { section47Enquiries, section47OutcomeShares } from '../../db/schema/index.js';
import { isSection47Outcome } from '../../domain/front-door/outcomes.js';
import { shareProblems, understandingProblems, type ShareFormat, type ShareInput, type UnderstandingInput } from '../../domain/front-door/section-47-sharing.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { section47FamilyRecordDocument } from '../../documents/section-47-outcome-record.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { loadSection47Sharing } from './load-section-47-sharing.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';

const today = (ctx: ActionContext) => londonDateOf(ctx.now).toString();

async function withOutcome(db: Database, ctx: ActionContext, enquiryId: string) {
  const s = await loadSection47Sharing(db, ctx, enquiryId);
  if (!isSection47Outcome(s.enquiry.outcome) || !s.enquiry.outcomeRecordedAt) throw new ConflictError('The outcome of the enquiry is shared once it is recorded.');
  return s;
}

/**
 * FD6: the social worker's judgement whether the child is of an age and understanding to receive
 * the record of the outcome, with reasons. Made once; a child judged able joins those to share with.
 */
export async function recordChildUnderstanding(db: Database, ctx: ActionContext, enquiryId: string, input: UnderstandingInput): Promise<void> {
  const s = await withOutcome(db, ctx, enquiryId);
  const problems = understandingProblems(input);
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(section47Enquiries)
      .set({ childUnderstands: input.understands, childUnderstandingReasons: input.reasons.trim(), childUnderstandingBy: ctx.actor?.id ?? null, childUnderstandingAt: ctx.now })
      .where(and(eq(section47Enquiries.id, enquiryId), isNull(section47Enquiries.childUnderstands)))
      .returning({ id: section47Enquiries.id });
    if (!row) throw new ConflictError('Whether the child receives the record has already been decided.');
    await recordAudit(tx, ctx, {
      action: 'section-47-child-understanding-judged', recordType: 'section-47-enquiry', recordId: enquiryId, childId: s.child.id, details: { understands: input.understands },
    });
  });
}

/** FD6: the record was shared with this parent (or the child): how, in what format and language, when. Once per person. */
export async function recordOutcomeShared(db: Database, ctx: ActionContext, enquiryId: string, personId: string, input: ShareInput): Promise<void> {
  const s = await withOutcome(db, ctx, enquiryId);
  const recipient = s.recipients.find((r) => r.personId === personId);
  if (!recipient) throw new NotFoundError('That person is not one the record is to be shared with.');
  const problems = shareProblems(input, { today: today(ctx), outcomeRecordedOn: londonDateOf(s.enquiry.outcomeRecordedAt!).toString() });
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(section47OutcomeShares)
      .values({
        enquiryId, personId, recipient: recipient.recipient, method: input.method!, methodDetail: input.methodDetail.trim(), format: input.format!,
        language: input.language.trim(), interpreter: input.interpreter, sharedOn: input.sharedOn!, recordedBy: ctx.actor?.id ?? null, recordedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: section47OutcomeShares.id });
    if (!row) throw new ConflictError(`Sharing the record with ${recipient.name} is already recorded.`);
    await recordAudit(tx, ctx, {
      action: 'section-47-outcome-shared', recordType: 'section-47-outcome-share', recordId: row.id, childId: s.child.id,
      details: { recipient: recipient.recipient, method: input.method, format: input.format, language: input.language.trim() },
    });
  });
}

/**
 * FD6: the family's copy of the outcome record for one recipient, in the format suggested for them
 * (or the one recorded once shared), as a PDF. Producing it is audited.
 */
export async function section47FamilyRecordPdf(db: Database, ctx: ActionContext, enquiryId: string, personId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const s = await withOutcome(db, ctx, enquiryId);
  const recipient = s.recipients.find((r) => r.personId === personId);
  if (!recipient) throw new NotFoundError('That person is not one the record is to be shared with.');
  const form = recipient.share ? { format: recipient.share.format as ShareFormat, language: recipient.share.language, interpreter: recipient.share.interpreter } : recipient.defaults;
  const doc = section47FamilyRecordDocument({
    authorityName: s.authorityName, recipientName: recipient.name, forChild: recipient.recipient === 'child', childName: s.name, startedOn: s.enquiry.startedOn,
    outcome: s.enquiry.outcome as Parameters<typeof section47FamilyRecordDocument>[0]['outcome'], outcomeRecordedOn: londonDateOf(s.enquiry.outcomeRecordedAt!).toString(),
    visits: s.enquiry.childSeen, socialWorkerName: s.socialWorkerName,
    conferenceOn: s.conference?.scheduledStart ? londonDateOf(s.conference.scheduledStart).toString() : null, ...form,
  });
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { action: 'section-47-family-record-produced', recordType: 'section-47-enquiry', recordId: enquiryId, childId: s.child.id, details: { personId } });
  });
  return { pdf: await renderPdf(doc), fileName: 'section-47-outcome-family-copy.pdf' };
}
