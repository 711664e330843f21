import type { Queryable } from '../../db/client.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { readDataGeneration } from '../shared/data-generation.js';
import { queueForRole, type RoleQueue } from './queue-for-role.js';

/**
 * A person's queues kept between loads of their home page (issue 16): working them out read every
 * open plan's reviews, visits and meetings, most of a home page's time, on every load. A kept queue
 * is shown again only while the count of committed changes (data_generation, moved in the same
 * commit as any write by any process) is the one read before it was worked out, and within the
 * same minute of the clock, so a deadline passing is seen within a minute. Anything else the person
 * may see (their roles, team, session) is part of the key. Requests asking together share one
 * working-out; a failure is never kept.
 */
type Kept = { changes: number; queues: Map<string, Promise<RoleQueue>> };

const MAX_KEPT = 500;
const keptByDatabase = new WeakMap<Queryable, Kept>();

export async function keptQueuesFor(db: Queryable, actor: Actor, now: Date, pack: PackId): Promise<Map<RoleId, RoleQueue>> {
  const changes = await readDataGeneration(db);
  let kept = keptByDatabase.get(db);
  // Lists kept under an older count can never be shown again: dropped as soon as it moves.
  if (!kept || kept.changes < changes) keptByDatabase.set(db, (kept = { changes, queues: new Map() }));
  const minute = Math.floor(now.getTime() / 60_000);
  const queues = new Map<RoleId, RoleQueue>();
  for (const role of actor.roles) {
    const key = JSON.stringify([changes, minute, pack, role, actor]);
    let queue = kept.queues.get(key);
    if (!queue) {
      queue = queueForRole(db, actor, role, now, pack);
      // A count older than the newest seen (a slower reader) is worked out but not kept.
      if (kept.changes === changes) remember(kept, key, queue);
    }
    queues.set(role, await queue);
  }
  return queues;
}

function remember(kept: Kept, key: string, queue: Promise<RoleQueue>): void {
  if (kept.queues.size >= MAX_KEPT) kept.queues.delete(kept.queues.keys().next().value!);
  kept.queues.set(key, queue);
  queue.catch(() => {
    if (kept.queues.get(key) === queue) kept.queues.delete(key);
  });
}
