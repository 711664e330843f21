import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { childParticipation, familyParticipation } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import {
  childParticipationProblems,
  interpreterProblems,
  PREPARATION_ITEMS,
  type ChildParticipationInput,
  type InterpreterInput,
  type PreparationItem,
} from '../../domain/participation/participation.js';
import { mayRecordParticipation } from '../../policies/reports.js';
import { auditForChildren } from '../audit/audit-children.js';
import { conferenceForReports } from '../reports/conference-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { saveVersioned } from '../shared/versioned-update.js';

const openAgain = () => new ConflictError('Someone else saved this since you opened it. Open the page again to see their changes.');

async function context(db: Database, ctx: ActionContext, conferenceId: string) {
  if (!mayRecordParticipation(ctx.actor)) throw new ForbiddenError();
  return conferenceForReports(db, ctx.actor, conferenceId);
}

/** IN5 and IN6 for one subject child: saved whole, with the version it was read at. */
export async function saveChildParticipation(
  db: Database,
  ctx: ActionContext,
  conferenceId: string,
  childId: string,
  input: ChildParticipationInput & { withParent: boolean; preMeetingWithChair: boolean; version: number },
): Promise<void> {
  const c = await context(db, ctx, conferenceId);
  if (!c.subjects.some((s) => s.childId === childId)) throw new NotFoundError('That child is not a subject of this conference.');
  const problems = childParticipationProblems(input);
  if (problems.length > 0) throw new ValidationError(problems);
  const values = {
    assessment: input.assessment as Record<string, string>,
    wish: input.wish,
    attendance: input.attendance,
    withParent: input.withParent,
    preMeetingWithChair: input.preMeetingWithChair,
    viewsRoutes: input.viewsRoutes,
    advocacyOfferedOn: input.advocacyOfferedOn,
    advocacyConsent: input.advocacyConsent,
    updatedAt: ctx.now,
    updatedBy: ctx.actor!.id,
  };
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(childParticipation).where(and(eq(childParticipation.conferenceId, conferenceId), eq(childParticipation.childId, childId)));
    await saveVersioned(tx, childParticipation, existing ? { id: existing.id, version: input.version } : null, values, { conferenceId, childId, ...values }, openAgain);
    await auditForChildren(tx, ctx, [childId], { action: 'child-participation-saved', recordType: 'conference', recordId: conferenceId });
  });
}

export interface FamilyParticipationInput {
  firstLanguage: string | null;
  interpreter: InterpreterInput;
  learningDisability: boolean;
  needsTranslation: boolean;
  adjustments: string | null;
  supporterName: string | null;
  preparation: PreparationItem[];
  version: number;
}

/** IN7 and IN8 for one family member: interpreter (never family), adjustments, supporter, preparation. */
export async function saveFamilyParticipation(db: Database, ctx: ActionContext, conferenceId: string, invitationId: string, input: FamilyParticipationInput): Promise<void> {
  const c = await context(db, ctx, conferenceId);
  const invitation = c.invitations.find((i) => i.id === invitationId && isFamilyKind(i.inviteeKind));
  if (!invitation) throw new NotFoundError('That family member is not invited to this conference.');
  const familyNames = [
    ...c.invitations.filter((i) => isFamilyKind(i.inviteeKind)).map((i) => i.name),
    ...c.children.map((ch) => ch.name),
  ];
  const problems = interpreterProblems(input.interpreter, familyNames);
  if (problems.length > 0) throw new ValidationError(problems);
  const values = {
    firstLanguage: input.firstLanguage,
    interpreterNeeded: input.interpreter.needed,
    interpreterName: input.interpreter.needed ? input.interpreter.name.trim() : null,
    interpreterAccredited: input.interpreter.needed && input.interpreter.accredited,
    learningDisability: input.learningDisability,
    needsTranslation: input.needsTranslation,
    adjustments: input.adjustments,
    supporterName: input.supporterName,
    preparation: PREPARATION_ITEMS.filter((p) => input.preparation.includes(p)),
    updatedAt: ctx.now,
    updatedBy: ctx.actor!.id,
  };
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(familyParticipation).where(and(eq(familyParticipation.conferenceId, conferenceId), eq(familyParticipation.invitationId, invitationId)));
    await saveVersioned(tx, familyParticipation, existing ? { id: existing.id, version: input.version } : null, values, { conferenceId, invitationId, ...values }, openAgain);
    await auditForChildren(tx, ctx, c.subjects.map((s) => s.childId), { action: 'family-participation-saved', recordType: 'invitation', recordId: invitationId });
  });
}
