import type { Database } from '../../db/client.js';
import { strategyDiscussionChildren, strategyDiscussions } from '../../db/schema/index.js';
import { nfaRefusal } from '../../domain/front-door/referral-rules.js';
import type { RuleProblem } from '../../domain/rules/rule-problem.js';
import { checkDiscussionTimes, checkParticipants, type Participant } from '../../domain/front-door/strategy-discussion-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { instantOfLondon, londonDateOf, londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { loadHousehold, loadHouseholdChildren } from '../shared/load-records.js';
import { Temporal } from 'temporal-polyfill';

export interface StrategyDiscussionInput {
  heldDate: string;
  heldTime: string;
  caseIds: string[];
  participants: Participant[];
  informationShared: string;
  decisions: string;
  basisForDecisions: string;
  initiateSection47: boolean;
  immediateSafetyActions: string;
  sharedWithFamily: string;
  legalAction: string;
  physicalAbuseOrSeriousNeglect: boolean;
  concernDate?: string | undefined;
  concernTime?: string | undefined;
}

/** FD3: a strategy discussion about one or more children of a household (002 2.58–2.63). */
export async function recordStrategyDiscussion(db: Database, context: ActionContext, householdId: string, input: StrategyDiscussionInput): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  await loadHousehold(db, householdId);
  const children = await loadHouseholdChildren(db, householdId, londonDateOf(context.now));
  const chosen = children.filter((c) => c.hasCase && input.caseIds.includes(c.caseId));
  const problems: RuleProblem[] = [];
  if (chosen.length === 0 || chosen.length !== new Set(input.caseIds).size) {
    problems.push({ field: 'caseIds', message: 'Choose the children of this household the discussion was about' });
  }
  for (const child of chosen) {
    const nfa = nfaRefusal(child.referralDecision, 'strategy discussion', child.name);
    if (nfa) problems.push({ field: 'caseIds', message: nfa });
  }
  problems.push(...checkParticipants(input.participants));
  const heldAt = Temporal.PlainDateTime.from(`${input.heldDate}T${input.heldTime}`);
  const concernRaisedAt = input.concernDate ? Temporal.PlainDateTime.from(`${input.concernDate}T${input.concernTime ?? '00:00'}`) : undefined;
  problems.push(...checkDiscussionTimes({
    heldAt, now: londonDateTimeOf(context.now), physicalAbuseOrSeriousNeglect: input.physicalAbuseOrSeriousNeglect, concernRaisedAt,
  }));
  if (problems.length > 0) throw new ValidationError(problems);

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(strategyDiscussions)
      .values({
        householdId, heldAt: instantOfLondon(heldAt), participants: input.participants,
        informationShared: input.informationShared, decisions: input.decisions, basisForDecisions: input.basisForDecisions,
        initiateSection47: input.initiateSection47, immediateSafetyActions: input.immediateSafetyActions,
        sharedWithFamily: input.sharedWithFamily, legalAction: input.legalAction,
        physicalAbuseOrSeriousNeglect: input.physicalAbuseOrSeriousNeglect,
        concernRaisedAt: concernRaisedAt ? instantOfLondon(concernRaisedAt) : null,
        createdBy: context.actor?.id ?? null, createdAt: context.now,
      })
      .returning({ id: strategyDiscussions.id });
    if (!row) throw new Error('strategy discussion insert returned nothing');
    await tx.insert(strategyDiscussionChildren).values(chosen.map((c) => ({ strategyDiscussionId: row.id, caseId: c.caseId })));
    await auditForChildren(tx, context, chosen.map((c) => c.childId), {
      action: 'strategy-discussion-recorded', recordType: 'strategy-discussion', recordId: row.id,
      details: { householdId, initiateSection47: input.initiateSection47, agencies: [...new Set(input.participants.map((p) => p.agency))] },
    });
    return row.id;
  });
}
