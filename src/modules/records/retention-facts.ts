import { Temporal } from 'temporal-polyfill';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  assessments, cases, childProtectionPlans, conferenceChildren, conferenceRecordings, conferences, people, recordDisposals, referrals, retentionHolds, section47Enquiries,
} from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { RetentionSchedule } from '../../domain/packs/retention.js';
import { retentionScheduleOf, retentionSchedulesFor } from './retention-schedule.js';
import { classifyCaseRecords, retentionDue, type RetentionDue, type RetentionRecord } from '../../domain/records/retention.js';

export interface CaseRetention {
  caseId: string;
  childId: string;
  organisationId: string;
  name: string;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  openedOn: string;
  closedOn: string | null;
  records: RetentionRecord[];
  /** Ids of the case's records by table, for the disposal stub. */
  recordIds: Record<string, string[]>;
  due: RetentionDue;
  /** The organisation's schedule the dates were worked out under (its administrator's periods over the pack's). */
  schedule: RetentionSchedule;
  hold: { id: string; reason: string; setAt: Date } | null;
  disposal: typeof recordDisposals.$inferSelect | null;
}

const CHUNK = 500;

function group<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.caseId, [...(map.get(r.caseId) ?? []), r]);
  return map;
}

/**
 * RC7: the facts the retention schedule needs for each case, and the date each is due for review,
 * worked out now (never stored) under the case's organisation's schedule. A few queries per 500
 * cases, whatever the number of records.
 */
export async function caseRetentionFor(db: Queryable, caseIds: readonly string[], pack: PackId): Promise<CaseRetention[]> {
  const out: CaseRetention[] = [];
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = caseIds.slice(i, i + CHUNK);
    const [caseRows, plans, confs, s47s, refs, assessed, holds, disposals, recordings] = await Promise.all([
      db.select({ c: cases, p: { givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, expectedDeliveryDate: people.expectedDeliveryDate } })
        .from(cases).innerJoin(people, eq(people.id, cases.childId)).where(inArray(cases.id, ids)),
      db.select({ caseId: childProtectionPlans.caseId, id: childProtectionPlans.id }).from(childProtectionPlans).where(inArray(childProtectionPlans.caseId, ids)),
      db.selectDistinct({ caseId: conferenceChildren.caseId, id: conferenceChildren.conferenceId }).from(conferenceChildren)
        .innerJoin(conferences, eq(conferences.id, conferenceChildren.conferenceId))
        .where(and(inArray(conferenceChildren.caseId, ids), eq(conferenceChildren.role, 'subject'), eq(conferences.status, 'held'))),
      db.select({ caseId: section47Enquiries.caseId, id: section47Enquiries.id, outcome: section47Enquiries.outcome }).from(section47Enquiries).where(inArray(section47Enquiries.caseId, ids)),
      db.select({ caseId: referrals.caseId, id: referrals.id, decision: referrals.decision }).from(referrals).where(inArray(referrals.caseId, ids)),
      db.select({ caseId: assessments.caseId, id: assessments.id }).from(assessments).where(inArray(assessments.caseId, ids)),
      db.select().from(retentionHolds).where(and(inArray(retentionHolds.caseId, ids), isNull(retentionHolds.liftedAt))),
      db.select().from(recordDisposals).where(and(inArray(recordDisposals.caseId, ids), inArray(recordDisposals.status, ['proposed', 'disposed']))),
      // RC5: the recordings of the child's conferences (any status: a recording is only kept of one that met), not yet disposed of.
      db.selectDistinct({ caseId: conferenceChildren.caseId, id: conferenceRecordings.id }).from(conferenceRecordings)
        .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, conferenceRecordings.conferenceId))
        .where(and(inArray(conferenceChildren.caseId, ids), eq(conferenceChildren.role, 'subject'), isNull(conferenceRecordings.disposedAt))),
    ]);
    const schedules = await retentionSchedulesFor(db, caseRows.map((r) => r.c.organisationId), pack);
    const byRecording = group(recordings);
    const [byPlan, byConf, byS47, byRef, byAssessment] = [group(plans), group(confs), group(s47s), group(refs), group(assessed)];
    const holdOf = new Map(holds.map((h) => [h.caseId, h]));
    const disposalOf = new Map(disposals.map((d) => [d.caseId, d]));
    for (const { c, p } of caseRows) {
      const planRows = byPlan.get(c.id) ?? [];
      const confRows = byConf.get(c.id) ?? [];
      const s47Rows = byS47.get(c.id) ?? [];
      const refRows = byRef.get(c.id) ?? [];
      const assessmentRows = byAssessment.get(c.id) ?? [];
      const recordingRows = byRecording.get(c.id) ?? [];
      const records = classifyCaseRecords({
        caseId: c.id, planIds: planRows.map((r) => r.id), conferenceIds: confRows.map((r) => r.id), section47s: s47Rows, referrals: refRows, assessmentCount: assessmentRows.length,
        recordingIds: recordingRows.map((r) => r.id),
      });
      const schedule = schedules.get(c.organisationId)!;
      const hold = holdOf.get(c.id);
      out.push({
        caseId: c.id, childId: c.childId, organisationId: c.organisationId, name: `${p.givenNames} ${p.familyName}`.trim(),
        dateOfBirth: p.dateOfBirth, expectedDeliveryDate: p.expectedDeliveryDate, openedOn: c.openedOn, closedOn: c.closedOn, records,
        recordIds: {
          cases: [c.id], people: [c.childId], plans: planRows.map((r) => r.id), conferences: confRows.map((r) => r.id),
          section47Enquiries: s47Rows.map((r) => r.id), referrals: refRows.map((r) => r.id), assessments: assessmentRows.map((r) => r.id),
          conferenceRecordings: recordingRows.map((r) => r.id),
        },
        due: retentionDue({ dateOfBirth: p.dateOfBirth, expectedDeliveryDate: p.expectedDeliveryDate, closedOn: c.closedOn, records }, schedule),
        schedule,
        hold: hold ? { id: hold.id, reason: hold.reason, setAt: hold.setAt } : null,
        disposal: disposalOf.get(c.id) ?? null,
      });
    }
  }
  return out;
}

/** The fewest years any schedule entry keeps a closed case: no case closed later than this can be due. */
export function shortestRetentionYears(schedule: RetentionSchedule): number {
  const entries = Object.values(schedule.entries).filter((e) => e.countFrom !== 'event');
  return Math.min(...entries.map((e) => (e.countFrom === 'case-closed' ? e.years : (e.atLeastYearsAfterClosure ?? 0))));
}

/** Closed cases of the organisation that could be due by `horizon`, oldest closure first, at most `limit` (+1 to tell there are more). */
export async function candidateCaseIds(db: Queryable, organisationId: string, horizon: string, pack: PackId, limit: number): Promise<string[]> {
  const schedule = await retentionScheduleOf(db, organisationId, pack);
  const closedBy = Temporal.PlainDate.from(horizon).subtract({ years: shortestRetentionYears(schedule) }).toString();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(
      eq(cases.organisationId, organisationId),
      sql`${cases.closedOn} is not null and ${cases.closedOn} <= ${closedBy}::date`,
      sql`not exists (select 1 from ${recordDisposals} d where d.case_id = ${cases.id} and d.status = 'disposed')`,
    ))
    .orderBy(cases.closedOn, cases.id)
    .limit(limit + 1);
  return rows.map((r) => r.id);
}
