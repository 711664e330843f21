import { inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { retentionScheduleEntries } from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { RETENTION_RECORD_TYPES, retentionSchedule, type RetentionRecordType, type RetentionSchedule } from '../../domain/packs/retention.js';
import {
  CONFIGURABLE_TYPES, configuredSchedule, periodProblems, scheduleChanges, shortenedTypes, type ConfiguredPeriod,
} from '../../domain/records/retention-schedule.js';
import { mayConfigureRetention } from '../../policies/records.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';

export type Period = Omit<ConfiguredPeriod, 'updatedAt'>;

/** RC7: each organisation's schedule: its administrator's periods over the pack's defaults. */
export async function retentionSchedulesFor(db: Queryable, organisationIds: readonly string[], pack: PackId): Promise<Map<string, RetentionSchedule>> {
  const ids = [...new Set(organisationIds)];
  const rows = ids.length ? await db.select().from(retentionScheduleEntries).where(inArray(retentionScheduleEntries.organisationId, ids)) : [];
  const base = retentionSchedule(pack);
  return new Map(ids.map((id) => [id, configuredSchedule(base, rows.filter((r) => r.organisationId === id))]));
}

export async function retentionScheduleOf(db: Queryable, organisationId: string, pack: PackId): Promise<RetentionSchedule> {
  return (await retentionSchedulesFor(db, [organisationId], pack)).get(organisationId)!;
}

/** The administrator's page: each type's period now, whether it is the authority's own or the pack's default, and when it was set. */
export async function loadRetentionScheduleForm(db: Queryable, context: ActionContext, pack: PackId) {
  const actor = context.actor;
  if (!actor || !mayConfigureRetention(actor)) throw new ForbiddenError('Only an administrator sets the retention schedule.');
  const schedule = await retentionScheduleOf(db, actor.organisationId, pack);
  return {
    schedule,
    rows: CONFIGURABLE_TYPES.map((type) => ({ type, label: RETENTION_RECORD_TYPES[type], entry: schedule.entries[type], configured: schedule.entries[type].configuredAt !== undefined })),
  };
}

export type SaveScheduleResult = { saved: true; changed: number } | { saved: false; shortened: RetentionRecordType[] };

/**
 * RC7: the administrator saves the authority's periods. A period shorter than today's brings
 * records into review sooner, so it is saved only once confirmed; the old and new values of
 * every change are audited in the same transaction.
 */
export async function saveRetentionSchedule(db: Database, context: ActionContext, periods: readonly Period[], confirmed: boolean, pack: PackId): Promise<SaveScheduleResult> {
  const actor = context.actor;
  if (!actor || !mayConfigureRetention(actor)) throw new ForbiddenError('Only an administrator sets the retention schedule.');
  const problems = periods.flatMap(periodProblems);
  if (periods.some((p) => !CONFIGURABLE_TYPES.includes(p.recordType as RetentionRecordType))) problems.push({ field: 'form', message: 'The schedule names a record type Convene does not keep' });
  if (problems.length) throw new ValidationError(problems);
  const old = await retentionScheduleOf(db, actor.organisationId, pack);
  const shortened = shortenedTypes(old, periods);
  if (shortened.length > 0 && !confirmed) return { saved: false, shortened };
  const changes = scheduleChanges(old, periods);
  if (changes.length === 0) return { saved: true, changed: 0 };
  await db.transaction(async (tx) => {
    for (const p of periods) {
      if (!changes.some((c) => c.type === p.recordType)) continue;
      const values = {
        years: p.years, countFrom: p.countFrom, atLeastYearsAfterClosure: p.atLeastYearsAfterClosure, withoutBirthDateYearsAfterClosure: p.withoutBirthDateYearsAfterClosure,
        updatedBy: actor.id, updatedAt: context.now,
      };
      await tx.insert(retentionScheduleEntries).values({ organisationId: actor.organisationId, recordType: p.recordType, ...values })
        .onConflictDoUpdate({ target: [retentionScheduleEntries.organisationId, retentionScheduleEntries.recordType], set: values });
    }
    await recordAudit(tx, context, {
      action: 'retention-schedule-changed', recordType: 'retention-schedule', recordId: actor.organisationId,
      details: { pack, changes, shortened, confirmed: shortened.length > 0 },
    });
  });
  return { saved: true, changed: changes.length };
}
