import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { addresses, cases, people, relationships, strategyDiscussionChildren, strategyDiscussions, users } from '../../db/schema/index.js';
import type { AdultFacts, CaseFacts, ChildFacts, Circumstances, StaffFacts } from '../../domain/invitations/case-facts.js';
import type { ConferenceKind } from '../../domain/conference/kinds.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { personName, type InvitationState } from './invitation-state.js';

async function staff(db: Queryable, id: string | null): Promise<StaffFacts | null> {
  if (!id) return null;
  const [u] = await db.select({ userId: users.id, name: users.displayName, email: users.email }).from(users).where(eq(users.id, id));
  return u ?? null;
}

function addressText(a: { line1: string; line2: string | null; town: string; postcode: string }): string {
  return [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ');
}

/** Reads from the record what the checklist (IN1, IN2) is computed from; people add the circumstances. */
export async function loadCaseFacts(db: Queryable, state: InvitationState, circumstances: Circumstances, onDate: string): Promise<CaseFacts> {
  const childIds = state.children.map((c) => c.childId);
  const caseIds = state.children.map((c) => c.caseId);
  const childPeople = childIds.length ? await db.select().from(people).where(inArray(people.id, childIds)) : [];
  const caseRows = caseIds.length ? await db.select().from(cases).where(inArray(cases.id, caseIds)) : [];

  const children: ChildFacts[] = [];
  for (const c of state.children) {
    const p = childPeople.find((x) => x.id === c.childId);
    const k = caseRows.find((x) => x.id === c.caseId);
    if (!p) continue;
    children.push({
      personId: p.id, name: personName(p), role: c.role, dateOfBirth: p.dateOfBirth, expectedDeliveryDate: p.expectedDeliveryDate,
      gpName: p.gpName, gpPractice: p.gpPractice, disabilities: p.disabilities.filter((d) => d !== 'NONE'),
      lookedAfter: k?.lookedAfter ?? false, iro: k?.lookedAfter ? await staff(db, k.iroId) : null,
    });
  }

  const links = state.subjectIds.length ? await db.select().from(relationships).where(inArray(relationships.childId, state.subjectIds)) : [];
  const adultIds = [...new Set(links.map((l) => l.personId))].filter((id) => !childIds.includes(id));
  const adultPeople = adultIds.length ? await db.select().from(people).where(inArray(people.id, adultIds)) : [];
  const everyone = [...childIds, ...adultIds];
  const current = everyone.length ? await db.select().from(addresses).where(and(inArray(addresses.personId, everyone), isNull(addresses.toDate))) : [];
  const adults: AdultFacts[] = adultPeople.map((p) => {
    const home = current.find((a) => a.personId === p.id);
    return {
      personId: p.id, name: personName(p), gpName: p.gpName, gpPractice: p.gpPractice, postalAddress: home ? addressText(home) : null,
      relationships: links.filter((l) => l.personId === p.id).map((l) => ({ childId: l.childId, type: l.type, parentalResponsibility: l.parentalResponsibility, livesWithChild: l.livesWithChild })),
    };
  });

  const subjectCase = caseRows.find((k) => state.subjectIds.includes(k.childId)) ?? caseRows[0];
  const discussions = caseIds.length
    ? await db.select({ participants: strategyDiscussions.participants })
      .from(strategyDiscussionChildren)
      .innerJoin(strategyDiscussions, eq(strategyDiscussions.id, strategyDiscussionChildren.strategyDiscussionId))
      .where(inArray(strategyDiscussionChildren.caseId, caseIds))
    : [];
  const subjectAddresses = current.filter((a) => state.subjectIds.includes(a.personId));
  return {
    pack: state.conference.pack as PackId,
    conferenceKind: state.conference.kind as ConferenceKind,
    onDate,
    children,
    adults,
    socialWorker: await staff(db, subjectCase?.socialWorkerId ?? null),
    teamManager: await staff(db, subjectCase?.teamManagerId ?? null),
    policeInEnquiries: discussions.some((d) => d.participants.some((p) => /police/i.test(p.agency))),
    socialHousing: subjectAddresses.some((a) => a.socialHousing),
    circumstances,
  };
}
