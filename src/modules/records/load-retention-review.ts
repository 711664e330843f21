import { Temporal } from 'temporal-polyfill';
import type { Database, Queryable } from '../../db/client.js';
import { RETENTION_RECORD_TYPES, type RetentionRecordType } from '../../domain/packs/retention.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { mayReviewRetention } from '../../policies/records.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';
import { candidateCaseIds, caseRetentionFor, type CaseRetention } from './retention-facts.js';

export const RETENTION_STATES = {
  due: 'Due for review now',
  soon: 'Due in the next 90 days',
  held: 'Kept by a legal hold',
  proposed: 'Disposal proposed, waiting for a second person',
} as const;
export type RetentionState = keyof typeof RETENTION_STATES;

export interface RetentionFilter {
  state: RetentionState;
  type?: RetentionRecordType | undefined;
  page: number;
}

export const PAGE_SIZE = 25;
/** At most this many closed cases are weighed per request; beyond it the page says so and asks for a narrower filter. */
export const CANDIDATE_LIMIT = 5000;

function stateOf(r: CaseRetention, today: string, horizon: string): RetentionState | null {
  if (r.disposal?.status === 'proposed') return 'proposed';
  if (r.due.caseDueOn === null || r.due.caseDueOn > horizon) return null;
  if (r.hold) return 'held';
  return r.due.caseDueOn <= today ? 'due' : 'soon';
}

/**
 * RC7: the authority's closed cases due for review under the retention schedule (or soon, held or
 * proposed for disposal), with counts by state and record type, paged. Only the person's own
 * organisation's cases; each child named on the page is audited.
 */
export async function loadRetentionReview(db: Database, context: ActionContext, filter: RetentionFilter, pack: PackId, limit = CANDIDATE_LIMIT) {
  const actor = context.actor;
  if (!actor || !mayReviewRetention(actor)) throw new ForbiddenError('Only an administrator or the register officer reviews records for retention.');
  const today = londonDateOf(context.now).toString();
  const horizon = Temporal.PlainDate.from(today).add({ days: 90 }).toString();
  const ids = await candidateCaseIds(db, actor.organisationId, horizon, pack, limit);
  const truncated = ids.length > limit;
  const weighed = await caseRetentionFor(db, ids.slice(0, limit), pack);
  const stated = weighed.map((r) => ({ r, state: stateOf(r, today, horizon) })).filter((x): x is { r: CaseRetention; state: RetentionState } => x.state !== null);

  const counts = Object.fromEntries(Object.keys(RETENTION_STATES).map((s) => [s, stated.filter((x) => x.state === s).length])) as Record<RetentionState, number>;
  const inState = stated.filter((x) => x.state === filter.state);
  const byType = Object.keys(RETENTION_RECORD_TYPES).map((t) => ({ type: t, label: RETENTION_RECORD_TYPES[t as RetentionRecordType], count: inState.filter((x) => x.r.due.governingType === t).length })).filter((t) => t.count > 0);
  const rows = inState.filter((x) => !filter.type || x.r.due.governingType === filter.type).sort((a, b) => (a.r.due.caseDueOn ?? '').localeCompare(b.r.due.caseDueOn ?? '') || a.r.caseId.localeCompare(b.r.caseId));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  if (shown.length > 0) {
    await db.transaction(async (tx) => {
      for (const { r } of shown) await recordAudit(tx, context, { action: 'retention-review-listed', recordType: 'case', recordId: r.caseId, childId: r.childId, details: { state: filter.state } });
    });
  }
  return {
    today, counts, byType, total: rows.length, page, pages, weighed: weighed.length, truncated, limit,
    rows: shown.map(({ r, state }) => ({
      caseId: r.caseId, name: r.name, dateOfBirth: r.dateOfBirth, closedOn: r.closedOn, dueOn: r.due.caseDueOn, state, stateLabel: RETENTION_STATES[state],
      type: r.due.governingType, typeLabel: r.due.governingType ? RETENTION_RECORD_TYPES[r.due.governingType] : '', explanation: r.due.explanation, holdReason: r.hold?.reason ?? null,
    })),
  };
}

/** For the home page: how many of the organisation's cases are due for review now, and disposals waiting for someone other than their proposer. */
export async function retentionQueueCounts(db: Queryable, actor: { id: string; organisationId: string }, today: string, pack: PackId) {
  const ids = await candidateCaseIds(db, actor.organisationId, today, pack, CANDIDATE_LIMIT);
  const weighed = await caseRetentionFor(db, ids.slice(0, CANDIDATE_LIMIT), pack);
  const due = weighed.filter((r) => stateOf(r, today, today) === 'due');
  const toApprove = weighed.filter((r) => r.disposal?.status === 'proposed' && r.disposal.proposedBy !== actor.id);
  return { due: due.length, oldestDue: due.map((r) => r.due.caseDueOn ?? '').sort()[0] ?? null, toApprove: toApprove.map((r) => ({ caseId: r.caseId, childId: r.childId, name: r.name, proposedAt: r.disposal!.proposedAt })) };
}
