import { cases, childProtectionPlans, people } from '../../src/db/schema/index.js';
import type { Database } from '../../src/db/client.js';
import { createOrganisation, createUser } from './factories.js';

/** A fixed pseudo-random sequence: the same team every run, so a failure can be replayed. */
export function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

export interface PlanTeamOptions {
  plans: number;
  /** The children's given name, which tells one suite's team from another's in a failure. */
  givenNames: string;
  /** The start and visit frequency of the i-th plan, asked in order so a seeded sequence stays the same. */
  plan(i: number): { startDate: string; visitFrequencyWeeks: number | null };
}

/**
 * One team manager's caseload at the scale of a whole team: a child, an open case held by one
 * social worker, and a neglect plan for each, written in bulk. The lists that cut work in SQL
 * are tested against it (several hundred plans, more than any one page reads).
 */
export async function planTeam(db: Database, options: PlanTeamOptions) {
  const org = await createOrganisation(db);
  const manager = await createUser(db, { roles: ['team-manager'], organisationId: org.id });
  const worker = await createUser(db, { roles: ['social-worker'], organisationId: org.id });
  const kids = await db.insert(people).values(Array.from({ length: options.plans }, (_, i) => ({ kind: 'child', givenNames: options.givenNames, familyName: `Child${i}`, dateOfBirth: '2018-05-01' }))).returning({ id: people.id });
  const caseRows = await db.insert(cases).values(kids.map((k) => ({ childId: k.id, organisationId: org.id, openedOn: '2025-01-01', socialWorkerId: worker.id, teamManagerId: manager.id }))).returning({ id: cases.id, childId: cases.childId });
  const plans = await db.insert(childProtectionPlans).values(caseRows.map((c, i) => ({
    caseId: c.id, childId: c.childId, ...options.plan(i), initialCategories: ['NEG'], latestCategories: ['NEG'], leadSocialWorkerId: worker.id,
  }))).returning({
    id: childProtectionPlans.id, childId: childProtectionPlans.childId, caseId: childProtectionPlans.caseId,
    startDate: childProtectionPlans.startDate, visitFrequencyWeeks: childProtectionPlans.visitFrequencyWeeks,
  });
  return { org, manager, worker, plans };
}
