import { isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agencyConferenceRequests } from '../../db/schema/index.js';
import { mayAuthoriseCaseDecisions } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadCase, loadById } from '../shared/load-records.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export async function loadAgencyRequest(db: Database, id: string) {
  return loadById(db, agencyConferenceRequests, id, 'that request');
}

export interface AgencyRequestDecision {
  decision: 'agreed' | 'declined';
  reasons: string;
  version: number;
}

/**
 * FD5: a manager agrees (normally) or declines an agency's request for a conference, with
 * reasons either way. An agreed request lets the child be a subject of a decision to convene.
 */
export async function decideAgencyRequest(db: Database, context: ActionContext, id: string, input: AgencyRequestDecision): Promise<{ householdId: string | null }> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager can decide on a request for a conference.');
  const request = await loadAgencyRequest(db, id);
  const { child, case: episode } = await loadCase(db, request.caseId);
  if (request.decision) throw new ConflictError(`This request has already been ${request.decision}.`);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, agencyConferenceRequests, { id, version: input.version },
      { decision: input.decision, decisionReasons: input.reasons, decidedBy: context.actor?.id ?? null, decidedAt: context.now },
      () => new ConflictError('This request has already been decided, or changed while you were looking at it.'),
      isNull(agencyConferenceRequests.decision),
    );
    await recordAudit(tx, context, {
      action: 'agency-conference-request-decided', recordType: 'agency-conference-request', recordId: id, childId: child.id,
      details: { decision: input.decision },
    });
  });
  return { householdId: episode.householdId };
}
