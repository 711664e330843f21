import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { administratorQueue, agencyQueue, auditorQueue, businessSupportQueue, enquirerQueue, chairQueue, registerOfficerQueue, serviceManagerQueue, socialWorkerQueue, teamManagerQueue } from './queues.js';
import type { QueueContext, WorkItem } from './work-item.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';

export type RoleQueue = Record<string, WorkItem[]>;

export function londonNow(now: Date): Temporal.PlainDateTime {
  return londonDateTimeOf(now);
}

type QueueOf = (db: Queryable, ctx: QueueContext, actor: Actor) => Promise<RoleQueue>;
const noQueue: QueueOf = async () => ({});

/** Each role's queue: the sections of its home page. */
const QUEUES: Record<RoleId, QueueOf> = {
  'business-support': businessSupportQueue,
  'team-manager': teamManagerQueue,
  'service-manager': serviceManagerQueue,
  chair: chairQueue,
  'social-worker': socialWorkerQueue,
  'register-officer': registerOfficerQueue,
  'agency-practitioner': agencyQueue,
  enquirer: enquirerQueue,
  administrator: administratorQueue,
  auditor: auditorQueue,
};

/**
 * What is waiting for this person, by section id of their home page, most urgent first.
 * Every date is computed now from the stored facts: nothing is kept up to date by a job.
 */
export async function queueForRole(db: Queryable, actor: Actor, role: RoleId, now: Date, pack: PackId): Promise<RoleQueue> {
  const ctx: QueueContext = { calendar: await workingCalendar(db), now: londonNow(now), pack };
  // A role name this code no longer knows (read from an account) has nothing waiting.
  return (Object.hasOwn(QUEUES, role) ? QUEUES[role] : noQueue)(db, ctx, actor);
}
