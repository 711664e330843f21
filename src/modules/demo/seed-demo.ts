import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.js';
import {
  recognisedCallers, addresses, cases, chairWorkingPatterns, conferences, householdMembers, households, organisations, people, professionals, relationships, rooms, teams, users,
} from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { toActor } from '../accounts/load-actor.js';
import { buildChecklist } from '../invitations/build-checklist.js';
import { seedBookedReview } from './seed-booked-review.js';
import { seedDemoPlans } from './seed-plans.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { seedDemoReports } from './seed-reports.js';
import { seedFamilyStage, type SeededChild } from './seed-stages.js';
import { ROLE_IDS, ROLE_LABELS, type RoleId } from '../../policies/roles.js';
import { hashPassword, randomPassword } from '../accounts/passwords.js';
import { indexUnkeyedPeople } from '../enquiry/match-keys.js';
import { recordAudit } from '../audit/record-audit.js';
import { systemContext } from '../shared/action-context.js';
import { DEMO_FAMILIES } from './demo-families.js';

export interface SeedResult {
  seeded: boolean;
  password: string | null;
  passwordFile: string | null;
  users: number;
  children: number;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => londonIsoDate(d);

/** Which organisation each demo role works for. */
const ROLE_ORG: Record<RoleId, 'la' | 'police' | 'health'> = {
  'social-worker': 'la', 'team-manager': 'la', 'service-manager': 'la', chair: 'la', 'business-support': 'la',
  'agency-practitioner': 'health', 'register-officer': 'la', enquirer: 'police', administrator: 'la', auditor: 'la',
};

/**
 * Seeds the demo authority, one user per role (username = role id) and synthetic families,
 * but only into a database with no users. Never call it in production.
 */
export async function seedDemo(
  db: Database,
  options: { password: string | null; dataDir: string; now: Date; force?: boolean; pack?: PackId },
): Promise<SeedResult> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((existing?.n ?? 0) > 0 && !options.force) return { seeded: false, password: null, passwordFile: null, users: 0, children: 0 };
  const now = options.now;
  const password = options.password ?? randomPassword();
  const passwordHash = await hashPassword(password); // one hash: every demo user shares the demo password

  const result = await db.transaction(async (tx) => {
    const orgs = await tx
      .insert(organisations)
      .values([
        { name: 'Demoshire County Council (demo)', kind: 'local-authority', secureEmail: 'safeguarding@demoshire.example', phone: '01632 960000' },
        { name: 'Demoshire Police (demo)', kind: 'police', secureEmail: 'mash@police.demoshire.example', phone: '01632 960001' },
        { name: 'Demoshire Health Trust (demo)', kind: 'health', secureEmail: 'safeguarding@health.demoshire.example', phone: '01632 960002' },
        { name: 'Sampleton Primary School (demo)', kind: 'education', secureEmail: 'dsl@school.demoshire.example', phone: '01632 960003' },
        { name: 'Demoshire Homes (demo)', kind: 'housing', secureEmail: 'tenancy@homes.demoshire.example', phone: '01632 960004' },
      ])
      .returning();
    const [la, police, health] = orgs;
    if (!la || !police || !health) throw new Error('demo organisations not created');
    const orgFor = { la: la.id, police: police.id, health: health.id };
    // RG2: the numbers the enquiry service recognises (Ofcom's drama range: never a real line).
    await tx.insert(recognisedCallers).values([
      { organisationId: la.id, agency: 'Demoshire Police control room (demo)', agencyKind: 'police', phone: '01632960100', addedAt: options.now },
      { organisationId: la.id, agency: 'Demoshire Hospital emergency department (demo)', agencyKind: 'health', phone: '01632960200', addedAt: options.now },
      { organisationId: la.id, agency: 'Demoshire out-of-hours team (demo)', agencyKind: 'out-of-hours', phone: '01632960300', addedAt: options.now },
    ]);
    const [fieldTeam, unitTeam] = await tx
      .insert(teams)
      .values([
        { organisationId: la.id, name: 'Safeguarding Team North' },
        { organisationId: la.id, name: 'Conference and Review Unit' },
      ])
      .returning();
    if (!fieldTeam || !unitTeam) throw new Error('demo teams not created');

    const teamFor = (role: RoleId) =>
      ['social-worker', 'team-manager', 'service-manager'].includes(role) ? fieldTeam.id : ROLE_ORG[role] === 'la' ? unitTeam.id : null;
    const userRows = await tx
      .insert(users)
      .values(
        ROLE_IDS.map((role) => ({
          username: role,
          displayName: `Demo ${ROLE_LABELS[role]}`,
          email: `${role}@demoshire.example`,
          jobTitle: ROLE_LABELS[role],
          organisationId: orgFor[ROLE_ORG[role]],
          teamId: teamFor(role),
          roles: [role],
          passwordHash,
        })),
      )
      .returning();
    const byRole = new Map(userRows.map((u) => [u.username, u]));
    const manager = byRole.get('team-manager');
    const worker = byRole.get('social-worker');
    if (manager && worker) {
      await tx.update(users).set({ managerId: manager.id }).where(sql`${users.id} = ${worker.id}`);
    }

    const chair = byRole.get('chair');
    await seedDiary(tx, chair?.id ?? null, orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind })));

    let children = 0;
    let childNumber = 1;
    for (const family of DEMO_FAMILIES) {
      const ctx = { now, childNumber, laId: la.id, worker: worker?.id ?? null, manager: manager?.id ?? null };
      const seeded = await seedFamily(tx, family, ctx);
      await seedFamilyStage(tx, family, seeded.children, { ...ctx, householdId: seeded.householdId, chair: chair?.id ?? null, pack: options.pack ?? 'national' });
      children += seeded.children.length;
      childNumber += family.children.length;
    }
    await seedDemoPlans(tx, { now });
    await seedBookedReview(tx, { now, pack: options.pack ?? 'national', chairId: chair?.id ?? null, minuteTakerId: byRole.get('business-support')?.id ?? null, bookedBy: byRole.get('business-support')?.id ?? null });
    await indexUnkeyedPeople(tx);
    await recordAudit(tx, systemContext(now), { action: 'demo-seeded', details: { users: userRows.length, children } });
    return { users: userRows.length, children };
  });
  // Its own transaction: the demo practitioner invited to the booked review, with a submitted report.
  await seedDemoReports(db, now);
  // The booked review's invitation checklist, suggested from the case as business support would build it.
  const [support] = await db.select().from(users).where(eq(users.username, 'business-support'));
  const [booked] = await db.select({ id: conferences.id }).from(conferences).where(eq(conferences.status, 'booked')).limit(1);
  if (support && booked) await buildChecklist(db, { actor: toActor(support), requestId: null, address: 'local', now }, booked.id);

  let passwordFile: string | null = null;
  if (!options.password) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    passwordFile = path.join(options.dataDir, 'DEMO-PASSWORD');
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    fs.chmodSync(passwordFile, 0o600);
  }
  return { seeded: true, password, passwordFile, ...result };
}

async function seedFamily(
  tx: Transaction,
  family: (typeof DEMO_FAMILIES)[number],
  ctx: { now: Date; childNumber: number; laId: string; worker: string | null; manager: string | null },
): Promise<{ householdId: string; children: SeededChild[] }> {
  const openedOn = isoDay(new Date(ctx.now.getTime() - family.openedDaysAgo * DAY));
  const [household] = await tx.insert(households).values({ name: `${family.familyName} household` }).returning();
  if (!household) throw new Error('household not created');
  const adultRows = await tx
    .insert(people)
    .values(
      family.adults.map((a, i) => ({
        kind: 'adult', givenNames: a.givenNames, familyName: family.familyName,
        dateOfBirth: isoDay(new Date(ctx.now.getTime() - (30 + i * 3) * 365 * DAY)),
        sex: a.relationship === 'mother' ? 'F' : 'M', firstLanguage: family.language ?? 'English',
        interpreterNeeded: Boolean(family.language), nationality: 'British', gpPractice: 'Demoshire Health Centre (demo)',
      })),
    )
    .returning();
  let n = 0;
  const seeded: SeededChild[] = [];
  for (const child of family.children) {
    const [row] = await tx
      .insert(people)
      .values({
        kind: 'child',
        laChildId: `DEMO${String(ctx.childNumber + n).padStart(4, '0')}`,
        givenNames: child.ageDays === null ? '' : child.givenNames,
        familyName: family.familyName,
        dateOfBirth: child.ageDays === null ? null : isoDay(new Date(ctx.now.getTime() - child.ageDays * DAY)),
        expectedDeliveryDate: child.eddInDays ? isoDay(new Date(ctx.now.getTime() + child.eddInDays * DAY)) : null,
        sex: child.sex, firstLanguage: family.language ?? 'English', nationality: 'British', gpPractice: 'Demoshire Health Centre (demo)',
      })
      .returning();
    if (!row) throw new Error('child not created');
    n += 1;
    await tx.insert(addresses).values({ personId: row.id, ...family.address, fromDate: openedOn });
    await tx.insert(householdMembers).values({ householdId: household.id, personId: row.id, fromDate: openedOn });
    for (const [i, adult] of family.adults.entries()) {
      const adultRow = adultRows[i];
      if (adultRow) {
        await tx.insert(relationships).values({
          childId: row.id, personId: adultRow.id, type: adult.relationship,
          parentalResponsibility: adult.pr, livesWithChild: adult.livesWithChild,
        });
      }
    }
    const [caseRow] = await tx
      .insert(cases)
      .values({
        childId: row.id, householdId: household.id, organisationId: ctx.laId,
        socialWorkerId: ctx.worker, teamManagerId: ctx.manager, openedOn,
        primaryNeedCode: family.stage === 'referral' ? null : 'N1',
      })
      .returning({ id: cases.id });
    if (!caseRow) throw new Error('case not created');
    seeded.push({ caseId: caseRow.id, childId: row.id, unborn: child.ageDays === null });
  }
  for (const [i, adult] of family.adults.entries()) {
    const adultRow = adultRows[i];
    if (adultRow && adult.livesWithChild) {
      await tx.insert(householdMembers).values({ householdId: household.id, personId: adultRow.id, fromDate: openedOn });
      await tx.insert(addresses).values({ personId: adultRow.id, ...family.address, fromDate: openedOn });
    }
  }
  return { householdId: household.id, children: seeded };
}

/** Rooms, the chair's working week and a named professional per partner agency, so booking works at once. */
async function seedDiary(tx: Transaction, chairId: string | null, orgs: { id: string; name: string; kind: string }[]): Promise<void> {
  await tx.insert(rooms).values([
    { name: 'Conference Room 1', building: 'Demoshire County Hall', street: '1 Sample Square', town: 'Demoshire Town', postcode: 'ZZ1 9AA', capacity: 14, stepFreeAccess: true, hearingLoop: true, videoEquipped: true },
    { name: 'Family Room', building: 'Mockbury Family Centre', street: '22 Example Lane', town: 'Mockbury', postcode: 'ZZ2 4BB', capacity: 8, stepFreeAccess: true, hearingLoop: false, videoEquipped: false },
  ]);
  if (chairId) {
    await tx.insert(chairWorkingPatterns).values(
      [1, 2, 3, 4, 5].map((weekday) => ({ chairId, weekday, startTime: '09:00', endTime: '17:00', maxConferences: 3 })),
    );
  }
  const roles: Record<string, string> = { police: 'Detective constable', health: 'Health visitor', education: 'Designated safeguarding lead', housing: 'Tenancy officer' };
  for (const org of orgs) {
    const role = roles[org.kind];
    if (role) await tx.insert(professionals).values({ organisationId: org.id, name: `Demo ${role}`, role, secureEmail: `${org.kind}.professional@demoshire.example` });
  }
}
