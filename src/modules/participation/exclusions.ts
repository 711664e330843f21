import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { exclusionRequests, familyParticipation, meetingAttendance } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { MEETING_PARTS } from '../../domain/conference/meeting-parts.js';
import {
  exclusionDecisionProblems,
  exclusionRequestInTime,
  exclusionRequestProblems,
  isExclusionGround,
  partsExcluded,
  type ExclusionDecision,
  type RecordScope,
} from '../../domain/participation/exclusion.js';
import { mayDecideExclusion, mayRequestExclusion } from '../../policies/reports.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { auditForChildren } from '../audit/audit-children.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { conferenceForReports } from '../reports/conference-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';

export interface ExclusionRequestInput {
  invitationId: string;
  reasons: string[];
  evidence: string;
  scope: 'whole' | 'part';
}

/** EX1 and TS18: a professional asks the chair to exclude a family member, naming the ground and the evidence. */
export async function requestExclusion(db: Database, ctx: ActionContext, conferenceId: string, input: ExclusionRequestInput): Promise<string> {
  if (!mayRequestExclusion(ctx.actor)) throw new ForbiddenError();
  const c = await conferenceForReports(db, ctx.actor, conferenceId);
  const invitation = c.invitations.find((i) => i.id === input.invitationId && isFamilyKind(i.inviteeKind));
  if (!invitation) throw new ValidationError([{ field: 'invitationId', message: 'Select the family member' }]);
  const problems = exclusionRequestProblems(input);
  if (problems.length > 0) throw new ValidationError(problems);
  const start = c.conference.scheduledStart;
  const timing = start
    ? exclusionRequestInTime({
        pack: c.pack,
        conferenceDate: Temporal.PlainDate.from(londonIsoDate(start)),
        requestedOn: Temporal.PlainDate.from(londonIsoDate(ctx.now)),
        calendar: await workingCalendar(db),
      })
    : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exclusionRequests)
      .values({
        conferenceId,
        invitationId: invitation.id,
        // Only real grounds are kept; a prosecution named beside one is context, already in the evidence.
        grounds: input.reasons.filter(isExclusionGround),
        evidence: input.evidence.trim(),
        scope: input.scope,
        requestedBy: ctx.actor!.id,
        requestedAt: ctx.now,
        inTime: timing?.inTime ?? true,
      })
      .returning({ id: exclusionRequests.id });
    if (!row) throw new Error('exclusion insert returned nothing');
    await auditForChildren(tx, ctx, c.subjects.map((s) => s.childId), { action: 'exclusion-requested', recordType: 'exclusion-request', recordId: row.id });
    return row.id;
  });
}

export interface ExclusionDecisionInput {
  decision: ExclusionDecision;
  reasons: string;
  period: string;
  legalAdviceTaken: boolean;
  /** For an exclusion from part: which parts of the meeting. */
  excludedParts: string[];
  /** EX3: the record they will get, and the ground for withholding the parts they miss. */
  recordScope: RecordScope | null;
  recordWithheldGround: string | null;
  version: number;
}

/**
 * EX2 (the chair's final decision, reasons, period), EX3 (the record they get, on a ground) and
 * EX4 (the supporter leaves too). If the meeting is already open, the attendance list shows it at once.
 */
export async function decideExclusion(db: Database, ctx: ActionContext, requestId: string, input: ExclusionDecisionInput): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new NotFoundError();
  const [request] = await db.select().from(exclusionRequests).where(eq(exclusionRequests.id, requestId));
  if (!request) throw new NotFoundError('We could not find that request.');
  const c = await conferenceForReports(db, ctx.actor, request.conferenceId);
  if (!mayDecideExclusion(ctx.actor, c.conference)) throw new ForbiddenError('Only the chair of this conference decides on exclusion.');
  if (request.status !== 'pending') throw new ConflictError('The chair has already decided this request, and the decision is final.');
  const scope = request.scope === 'whole' ? 'whole' : 'part';
  const problems = exclusionDecisionProblems({ ...input, scope });
  if (problems.length > 0) throw new ValidationError(problems);
  const [support] = await db
    .select({ supporterName: familyParticipation.supporterName })
    .from(familyParticipation)
    .where(and(eq(familyParticipation.conferenceId, request.conferenceId), eq(familyParticipation.invitationId, request.invitationId)));
  const excluded = input.decision === 'excluded';
  const parts = partsExcluded(scope, input.excludedParts, MEETING_PARTS);
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, exclusionRequests, { id: requestId, version: input.version }, {
      status: input.decision,
      decisionReasons: input.reasons.trim(),
      period: input.decision === 'excluded' ? input.period.trim() : null,
      legalAdviceTaken: input.legalAdviceTaken,
      supporterName: input.decision === 'excluded' ? (support?.supporterName ?? null) : null,
      excludedParts: excluded ? parts : [],
      recordScope: excluded ? input.recordScope : null,
      recordWithheldGround: excluded && input.recordScope === 'attended-part' ? input.recordWithheldGround : null,
      decidedBy: ctx.actor!.id,
      decidedAt: ctx.now,
    }, () => new ConflictError('This request changed since you opened it. Open it again.'));
    if (excluded) {
      // The meeting may already be open (a decision on the day): its attendance list shows the exclusion now.
      const [seen] = await tx.select().from(meetingAttendance)
        .where(and(eq(meetingAttendance.conferenceId, request.conferenceId), eq(meetingAttendance.invitationId, request.invitationId)));
      if (seen) {
        const whole = parts.length === MEETING_PARTS.length;
        // The chair's decision, claimed above, moves the attendance row on whatever version it was at.
        await bumpVersion(tx, meetingAttendance, eq(meetingAttendance.id, seen.id), {
          exclusionRequestId: requestId,
          excludedParts: MEETING_PARTS.filter((p) => parts.includes(p) || seen.excludedParts.includes(p)),
          partsAttended: seen.partsAttended.filter((p) => !parts.includes(p)),
          status: whole ? 'excluded' : seen.status,
          recordScope: input.recordScope ?? 'attended-part',
          recordWithheldGround: input.recordScope === 'attended-part' ? input.recordWithheldGround : null,
          updatedAt: ctx.now, updatedBy: ctx.actor!.id,
        });
      }
    }
    await auditForChildren(tx, ctx, c.subjects.map((s) => s.childId), {
      action: 'exclusion-decided', recordType: 'exclusion-request', recordId: requestId, details: { decision: input.decision, excludedParts: excluded ? parts : [], recordScope: excluded ? input.recordScope : null },
    });
  });
}
