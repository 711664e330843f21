import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { effectiveParameter } from '../../domain/packs/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { planRules } from '../../domain/plans/plan-rules.js';
import { rowsOf } from '../shared/rows-of.js';

/** Units in which a later starting date never gives an earlier due date. */
const MONOTONE_UNITS = ['workingDays', 'calendarDays', 'weeks', 'months'];

/**
 * The open plans of a team manager's cases that can be among the `limit` whose next core group
 * falls due first (TS8, TS9), or that have no date to give: a team of thousands is cut to at most
 * three times `limit` in SQL, and nextCoreGroupDue then works out only these.
 *
 * Three lists, each the first `limit` of its kind, hold every plan the full list could show:
 * - no core group since the conference it counts from: TS8 from that date, and a later date never
 *   gives an earlier due date, so they rank by the date itself;
 * - a core group since: TS9 is the interval in calendar weeks after it, counted here as TS9 does;
 * - a core group since with no interval where the pack leaves it to the meeting: undated.
 * Null where the pack counts TS8 or TS9 in a way SQL cannot rank: then every plan is worked out.
 * Proven against nextCoreGroupDue on every plan of a team in core-groups-team.test.ts.
 */
export async function coreGroupsDueFirst(db: Queryable, pack: PackId, teamManagerId: string, limit: number): Promise<string[] | null> {
  const first = effectiveParameter(pack, 'TS8');
  const later = effectiveParameter(pack, 'TS9');
  if (!first || !MONOTONE_UNITS.includes(first.unit) || !later) return null;
  let weeks: SQL;
  if (later.unit === 'setElsewhere' && later.by === 'conference') weeks = sql`m.next_interval_weeks`;
  else if (later.unit === 'weeks' && later.shorterMayBeSet) weeks = sql`least(coalesce(m.next_interval_weeks, ${later.n}::int), ${later.n}::int)`;
  else if (later.unit === 'weeks') weeks = sql`${later.n}::int`;
  else return null;
  // Nottinghamshire counts the first core group from the latest conference that kept the plan.
  const countedFrom = planRules(pack).firstCoreGroupAfterEveryConference
    ? sql`greatest(p.start_date, (
        select max(c.held_on) from conference_children cc join conferences c on c.id = cc.conference_id
        where cc.child_id = p.child_id and cc.role = 'subject' and c.status = 'held' and c.kind in ('review', 'designated-review', 'reconvened')
          and c.held_on > p.start_date and c.id is distinct from p.start_conference_id))`
    : sql`p.start_date`;
  const result = await db.execute(sql`
    with counted as (
      select p.id, ${countedFrom} as counted_from
      from child_protection_plans p join cases k on k.id = p.case_id
      where p.end_date is null and k.team_manager_id = ${teamManagerId}::uuid
    ),
    -- Each plan's latest core group, in one pass over the meetings (a lookup per plan cost a probe
    -- for each of thousands of plans). The latest meeting since the counted-from date is the latest
    -- of all when that is on or after it, and there is none since when it is before it.
    newest as (
      select distinct on (m.plan_id) m.plan_id, m.held_on, m.next_interval_weeks
      from core_group_meetings m
      where m.plan_id in (select id from counted)
      order by m.plan_id, m.held_on desc
    ),
    latest as (
      select f.id, f.counted_from, m.held_on, ${weeks} as weeks
      from counted f left join newest m on m.plan_id = f.id and m.held_on >= f.counted_from
    )
    (select id from latest where held_on is null order by counted_from, id limit ${limit})
    union all
    (select id from latest where held_on is not null and weeks is not null order by held_on + 7 * weeks, id limit ${limit})
    union all
    (select id from latest where held_on is not null and weeks is null limit ${limit})
  `);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
