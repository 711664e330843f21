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

/**
 * What is waiting for this person, by section id of their home page, most urgent first.
 * Every date is computed now from the stored facts: nothing is kept up to date by a job.
 */
export async function queueForRole(db: Queryable, actor: Actor, role: RoleId, now: Date, pack: PackId): Promise<RoleQueue> {
  const ctx: QueueContext = { calendar: await workingCalendar(db), now: londonNow(now), pack };
  switch (role) {
    case 'business-support':
      return businessSupportQueue(db, ctx);
    case 'team-manager':
      return teamManagerQueue(db, ctx, actor);
    case 'service-manager':
      return serviceManagerQueue(db, ctx);
    case 'chair':
      return chairQueue(db, ctx, actor);
    case 'social-worker':
      return socialWorkerQueue(db, ctx, actor);
    case 'register-officer':
      return registerOfficerQueue(db, ctx, actor);
    case 'agency-practitioner':
      return agencyQueue(db, ctx, actor);
    case 'enquirer':
      return enquirerQueue(db, ctx, actor);
    case 'administrator':
      return administratorQueue(db, ctx, actor);
    case 'auditor':
      return auditorQueue(db, ctx, actor);
    default:
      return {};
  }
}
