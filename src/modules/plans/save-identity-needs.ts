import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planIdentityNeeds } from '../../db/schema/index.js';
import { identityNeedsProblems, type IdentityNeedsAnswers } from '../../domain/plans/identity-needs.js';
import { mayRecordIdentityNeeds } from '../../policies/plans.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { loadPlanCore } from './load-plan.js';
import { ensureOpen } from './plan-write.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** The answers as the form sends them, with the version the person saw (0 when nothing was recorded yet). */
export type IdentityNeedsInput = Omit<IdentityNeedsAnswers, 'updatedOn'> & { version: number };

/**
 * PL4 (`004` 3.1.7, 6.1.2–6.1.3): the lead social worker records what the plan says about the
 * child's culture, language, faith, birth-family contact and a family group conference. Answers may
 * be saved part-done; what stays blank is flagged on the plan page and the lead social worker's list.
 */
export async function saveIdentityNeeds(db: Database, context: ActionContext, planId: string, input: IdentityNeedsInput): Promise<void> {
  const core = await loadPlanCore(db, planId);
  await assertChildAccess(db, context.actor, core.plan.childId);
  if (!mayRecordIdentityNeeds(context.actor, { leadSocialWorkerId: core.plan.leadSocialWorkerId, teamManagerId: core.case.teamManagerId })) {
    throw new ForbiddenError('Only the lead social worker, the case’s team manager or a service manager keeps this part of the plan.');
  }
  ensureOpen(core.plan, core.name);
  const problems = identityNeedsProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const values = {
    culture: input.culture.trim(), language: input.language.trim(), religion: input.religion.trim(), shortfalls: input.shortfalls.trim(),
    birthFamilyContact: input.birthFamilyContact.trim(), familyGroupConference: input.familyGroupConference || null,
    familyGroupConferenceReasons: input.familyGroupConference === 'considered-not-referred' ? input.familyGroupConferenceReasons.trim() : '',
    updatedBy: context.actor?.id ?? null, updatedAt: context.now,
  };
  await db.transaction(async (tx) => {
    const lost = () => new ConflictError('Someone else changed this part of the plan since you opened it: look at it again.');
    let id: string;
    if (input.version === 0) {
      // One record per plan: a second first save finds the first one there and is told.
      const [row] = await tx.insert(planIdentityNeeds).values({ ...values, planId, childId: core.plan.childId }).onConflictDoNothing().returning({ id: planIdentityNeeds.id });
      if (!row) throw lost();
      id = row.id;
    } else {
      ({ id } = await updateAtVersion(tx, planIdentityNeeds, { where: eq(planIdentityNeeds.planId, planId), version: input.version }, values, lost));
    }
    await recordAudit(tx, context, {
      action: input.version === 0 ? 'plan-identity-needs-recorded' : 'plan-identity-needs-changed', recordType: 'plan-identity-needs', recordId: id, childId: core.plan.childId,
      details: { planId },
    });
  });
}
