import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agencyConferenceRequests, organisations } from '../../db/schema/index.js';
import { nfaRefusal } from '../../domain/front-door/referral-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonInstant } from '../../domain/calendar/london-time.js';
import { loadCase, loadReferral } from '../shared/load-records.js';

export interface AgencyRequestInput {
  organisationId?: string | undefined;
  professionalName: string;
  professionalRole: string;
  reasons: string;
  receivedDate: string;
}

/**
 * FD5 (002 2.84; 000 § 1 Threshold): a partner agency's designated or named professional asks
 * for a conference because they think the child would not otherwise be safe enough.
 */
export async function recordAgencyRequest(db: Database, context: ActionContext, caseId: string, input: AgencyRequestInput): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { child, name, case: episode } = await loadCase(db, caseId);
  const nfa = nfaRefusal((await loadReferral(db, caseId))?.decision, 'conference', name);
  if (nfa) throw new ConflictError(nfa);
  if (episode.closedOn) throw new ConflictError('This case is closed.');
  if (input.organisationId) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new ValidationError([{ field: 'organisationId', message: 'Select the agency making the request' }]);
  }
  const receivedAt = londonInstant(input.receivedDate, '12:00');
  if (londonInstant(input.receivedDate) > context.now) throw new ValidationError([{ field: 'receivedDate', message: 'The date cannot be in the future' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agencyConferenceRequests)
      .values({
        caseId, organisationId: input.organisationId ?? null, professionalName: input.professionalName,
        professionalRole: input.professionalRole, reasons: input.reasons, receivedAt,
      })
      .returning({ id: agencyConferenceRequests.id });
    if (!row) throw new Error('agency request insert returned nothing');
    await recordAudit(tx, context, { action: 'agency-conference-request-recorded', recordType: 'agency-conference-request', recordId: row.id, childId: child.id });
    return row.id;
  });
}
