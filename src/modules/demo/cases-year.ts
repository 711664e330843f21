import { and, eq, isNotNull, like } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { people } from '../../db/schema/index.js';
import { londonInstant } from '../../domain/calendar/london-time.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { importPeople, type ImportSummary } from '../enquiry/import-people.js';
import { systemContext } from '../shared/action-context.js';
import { simulate, type SimulationResult } from '../simulation/simulate.js';
import { syntheticRecords } from './synthetic-population.js';

/** Referrals a year per child: England's rate, about 545 per 10,000 children (CIN census 2024). */
export const REFERRALS_PER_CHILD_YEAR = 0.0545;
/** About 45% of a generated population are children (synthetic-population.ts). */
const CHILD_SHARE = 0.45;

export interface CasesYearOptions {
  people: number;
  seed: number;
  pack: PackId;
  /** The first day of casework; the population is generated as it was that day. */
  from: string;
  days: number;
  /** Referrals over the run; England's rate for the population's children unless given. */
  referrals?: number | undefined;
  chairs: number;
  rooms: number;
  onImported?: ((done: number) => void) | undefined;
  onDay?: ((day: number, of: number) => void) | undefined;
}

export function defaultReferrals(peopleCount: number, days: number): number {
  return Math.max(1, Math.round(peopleCount * CHILD_SHARE * REFERRALS_PER_CHILD_YEAR * (days / 365)));
}

/**
 * A generated population with a year (or `days`) of casework over it, made by Convene's own
 * actions: the simulator sets up the authority, the population is loaded into it (no plan is
 * imported: every plan comes from a conference), and each referral is about one of its children,
 * through the front door, section 47, conferences, plans, visits, core groups and reviews.
 */
export async function generateCasesYear(db: Database, options: CasesYearOptions): Promise<{ imported: ImportSummary; simulation: SimulationResult }> {
  let imported: ImportSummary | null = null;
  const prefix = `S${options.seed}-`;
  const simulation = await simulate(db, {
    pack: options.pack, from: options.from, days: options.days, referrals: options.referrals ?? defaultReferrals(options.people, options.days),
    chairs: options.chairs, rooms: options.rooms, seed: options.seed, policy: 'suggested', onDay: options.onDay,
    population: async () => {
      imported = await importPeople(db, systemContext(londonInstant(options.from, '08:00')), syntheticRecords({ count: options.people, seed: options.seed, today: options.from, planRate: 0 }), options.onImported);
      const children = await db.select({ id: people.id, dateOfBirth: people.dateOfBirth }).from(people)
        .where(and(eq(people.kind, 'child'), like(people.externalRef, `${prefix}%`), isNotNull(people.dateOfBirth))).orderBy(people.externalRef);
      return children.map((c) => ({ id: c.id, dateOfBirth: c.dateOfBirth! }));
    },
  });
  return { imported: imported!, simulation };
}
