import { and, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  addresses, cases, childProtectionPlans, conferenceChildren, conferenceRecordings, conferenceRecords, formDrafts, householdMembers, invitations, outboxMessages,
  people, personMatchKeys, planActions, recordDisposals, relationships, reports, section47Enquiries, strategyDiscussionChildren, subjectAccessRequests,
} from '../../db/schema/index.js';
import { bumpVersion } from '../shared/versioned-update.js';

/** What a name becomes in text that stays (a shared conference's minutes, a kept sibling's report). */
export const NAME_REMOVED = '[name removed]';
/** What a person record disposed of is called. */
export const DISPOSED_PERSON = 'Record disposed of';

/**
 * Tables never touched by disposal: the audit trail is append-only and hash-chained (its rows name
 * no child: ids only, see record-audit.ts); the disposal stub is what remains by design; the rest
 * hold no person's record.
 */
const UNTOUCHED = new Set(['audit_events', 'record_disposals', 'retention_schedule_entries', 'retention_holds', 'sessions', 'users', 'organisations', 'teams', 'api_clients', 'job_runs']);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tokens = (name: string) => name.split(/[\s,]+/).map((t) => t.trim()).filter((t) => t.length >= 2);

/**
 * The pattern of the names to remove: each full name, and each part of a name unless a person who
 * stays shares it (a kept sibling's family name names the sibling). Longest first, whole words.
 */
export function namePattern(removed: readonly string[], kept: readonly string[]): string | null {
  const keep = new Set(kept.flatMap(tokens).map((t) => t.toLowerCase()));
  const full = removed.map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n.length >= 2 && (n.includes(' ') || !keep.has(n.toLowerCase())));
  const parts = removed.flatMap(tokens).filter((t) => !keep.has(t.toLowerCase()));
  const all = [...new Set([...full, ...parts].map((n) => n.toLowerCase()))].sort((a, b) => b.length - a.length);
  if (all.length === 0) return null;
  // Postgres's regular expressions: \m and \M are the start and end of a word.
  return `\\m(${all.map((n) => escapeRegex(n).replace(/ /g, '\\s+')).join('|')})\\M`;
}

interface Column { table: string; column: string; dataType: string; udt: string }

async function columnsOf(db: Queryable): Promise<Column[]> {
  const result = await db.execute(sql`
    select table_name as "table", column_name as "column", data_type as "dataType", udt_name as "udt"
    from information_schema.columns
    where table_schema = current_schema() and table_name in (select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE')
    order by table_name, ordinal_position`);
  return (result as unknown as { rows: Column[] }).rows;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
const idList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

export interface ClearedSummary {
  /** Rows changed per table (no names: for the stub and the audit trail). */
  tables: Record<string, number>;
  recordingsDisposed: number;
  familyDisposed: number;
}

/**
 * RC7 disposal, everywhere: inside the disposal's transaction, the child's name (and the names of
 * family members who are no one else's family) leaves every table that holds the case's record —
 * found from the database's own catalogue, so a table added later is covered without a change
 * here — and the content nobody can redact (recordings, uploaded files, letters sent) is deleted.
 *
 * Rows linked to the case are those naming, by id, the case, the child, the family, the child's
 * conferences, plans, reports, conference records, plan actions, section 47 enquiries, strategy
 * discussions, invitations, household or messages. In them every text, character, array and JSON
 * column has the names replaced. A conference shared with a sibling who stays keeps its text with
 * this child's names removed, and its recording (the sibling's record too) is kept.
 */
export async function clearCaseEverywhere(tx: Queryable, input: { caseId: string; childId: string; now: Date }): Promise<ClearedSummary> {
  const { caseId, childId, now } = input;
  const [theCase] = await tx.select({ householdId: cases.householdId }).from(cases).where(eq(cases.id, caseId));
  const [child] = await tx.select({ givenNames: people.givenNames, familyName: people.familyName, aliases: people.aliases }).from(people).where(eq(people.id, childId));
  if (!theCase || !child) throw new Error('disposal: the case or child is missing');

  // The child's conferences (as subject or household member), and the other children in them.
  const confRows = await tx.select({ conferenceId: conferenceChildren.conferenceId, childId: conferenceChildren.childId, caseId: conferenceChildren.caseId, role: conferenceChildren.role })
    .from(conferenceChildren).where(inArray(conferenceChildren.conferenceId, tx.select({ id: conferenceChildren.conferenceId }).from(conferenceChildren).where(eq(conferenceChildren.childId, childId))));
  const conferenceIds = [...new Set(confRows.map((r) => r.conferenceId))];
  const disposedCases = new Set((await tx.select({ caseId: recordDisposals.caseId }).from(recordDisposals).where(eq(recordDisposals.status, 'disposed'))).map((r) => r.caseId));
  disposedCases.add(caseId);
  const keptChildren = [...new Set(confRows.filter((r) => r.childId !== childId && !(r.caseId && disposedCases.has(r.caseId))).map((r) => r.childId))];
  // A conference is wholly this child's when every other subject's record is disposed of too.
  const sharedConferences = new Set(confRows.filter((r) => r.childId !== childId && r.role === 'subject' && !(r.caseId && disposedCases.has(r.caseId))).map((r) => r.conferenceId));

  // Family: related to the child, or living in the case's household. Theirs alone when no other child still kept is theirs:
  // anyone in a household where a kept brother or sister lives stays, since the sibling's record names them.
  const related = (await tx.select({ id: relationships.personId }).from(relationships).where(eq(relationships.childId, childId))).map((r) => r.id);
  const household = theCase.householdId ? (await tx.select({ id: householdMembers.personId }).from(householdMembers).where(eq(householdMembers.householdId, theCase.householdId))).map((r) => r.id) : [];
  const familyIds = [...new Set([...related, ...household])].filter((id) => id !== childId);
  const otherTies = familyIds.length ? await tx.select({ personId: relationships.personId, childId: relationships.childId }).from(relationships).where(and(inArray(relationships.personId, familyIds), ne(relationships.childId, childId))) : [];
  const otherCases = familyIds.length ? await tx.select({ childId: cases.childId, id: cases.id }).from(cases).where(inArray(cases.childId, familyIds)) : [];
  const siblingsInHousehold = theCase.householdId ? (await tx.select({ id: people.id }).from(householdMembers).innerJoin(people, eq(people.id, householdMembers.personId)).where(and(eq(householdMembers.householdId, theCase.householdId), eq(people.kind, 'child'), ne(people.id, childId)))).map((r) => r.id) : [];
  const keptSiblings = new Set([...keptChildren, ...siblingsInHousehold.filter((id) => !otherCases.some((c) => c.childId === id && disposedCases.has(c.id)))]);
  const stays = (personId: string) =>
    keptSiblings.has(personId) || otherCases.some((c) => c.childId === personId && !disposedCases.has(c.id)) || otherTies.some((t) => t.personId === personId) || (keptSiblings.size > 0 && household.includes(personId));
  const familyGone = familyIds.filter((id) => !stays(id));
  const familyKept = [...new Set([...familyIds.filter(stays), ...keptChildren])];

  const nameRows = familyIds.length || familyKept.length
    ? await tx.select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, aliases: people.aliases }).from(people).where(inArray(people.id, [...new Set([...familyIds, ...familyKept])]))
    : [];
  const namesOf = (p: { givenNames: string; familyName: string; aliases: { givenNames: string; familyName: string }[] }): string[] =>
    [p, ...p.aliases].flatMap((n) => [`${n.givenNames} ${n.familyName}`, n.givenNames, n.familyName]);
  const removed = [...namesOf(child), ...nameRows.filter((p) => familyGone.includes(p.id)).flatMap(namesOf)];
  const kept = nameRows.filter((p) => familyKept.includes(p.id)).flatMap(namesOf);
  const pattern = namePattern(removed, kept);

  // Ids of everything that is the case's record.
  const planIds = (await tx.select({ id: childProtectionPlans.id }).from(childProtectionPlans).where(eq(childProtectionPlans.caseId, caseId))).map((r) => r.id);
  const reportIds = (await tx.select({ id: reports.id }).from(reports).where(eq(reports.childId, childId))).map((r) => r.id);
  const recordIds = conferenceIds.length ? (await tx.select({ id: conferenceRecords.id }).from(conferenceRecords).where(inArray(conferenceRecords.conferenceId, conferenceIds))).map((r) => r.id) : [];
  const actionIds = planIds.length ? (await tx.select({ id: planActions.id }).from(planActions).where(inArray(planActions.planId, planIds))).map((r) => r.id) : [];
  const enquiryIds = (await tx.select({ id: section47Enquiries.id }).from(section47Enquiries).where(eq(section47Enquiries.caseId, caseId))).map((r) => r.id);
  const discussionIds = (await tx.select({ id: strategyDiscussionChildren.strategyDiscussionId }).from(strategyDiscussionChildren).where(eq(strategyDiscussionChildren.caseId, caseId))).map((r) => r.id);
  const invitationIds = conferenceIds.length ? (await tx.select({ id: invitations.id }).from(invitations).where(inArray(invitations.conferenceId, conferenceIds))).map((r) => r.id) : [];
  const personIds = [childId, ...familyIds];
  const requestIds = (await tx.select({ id: subjectAccessRequests.id }).from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, childId))).map((r) => r.id);
  const anyIds = [caseId, ...personIds, ...conferenceIds, ...planIds, ...reportIds, ...recordIds, ...enquiryIds, ...invitationIds, ...requestIds];
  const outboxIds = (await tx.select({ id: outboxMessages.id }).from(outboxMessages)
    .where(sql`${conferenceIds.length ? sql`${outboxMessages.conferenceId} in (${idList(conferenceIds)}) or ` : sql``}${outboxMessages.relatedId} in (${idList(anyIds)})`)).map((r) => r.id);

  const links: Record<string, readonly string[]> = {
    case_id: [caseId], child_id: [childId], person_id: personIds, conference_id: conferenceIds, plan_id: planIds, report_id: reportIds, record_id: recordIds,
    action_id: actionIds, enquiry_id: enquiryIds, strategy_discussion_id: discussionIds, invitation_id: invitationIds, household_id: theCase.householdId ? [theCase.householdId] : [],
    outbox_message_id: outboxIds, letter_outbox_id: outboxIds, related_id: anyIds,
  };
  const ownIds: Record<string, readonly string[]> = {
    people: personIds, cases: [caseId], conferences: conferenceIds, child_protection_plans: planIds, reports: reportIds, conference_records: recordIds, plan_actions: actionIds,
    section_47_enquiries: enquiryIds, strategy_discussions: discussionIds, invitations: invitationIds, households: theCase.householdId ? [theCase.householdId] : [], outbox_messages: outboxIds,
  };

  const tables: Record<string, number> = {};
  const count = (table: string, n: number) => { if (n > 0) tables[table] = (tables[table] ?? 0) + n; };

  if (pattern !== null) {
    const columns = await columnsOf(tx);
    const byTable = new Map<string, Column[]>();
    for (const c of columns) if (!UNTOUCHED.has(c.table)) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
    for (const [table, cols] of byTable) {
      const linkConditions: SQL[] = [];
      for (const c of cols) {
        if (c.dataType !== 'uuid') continue;
        const ids = c.column === 'id' ? ownIds[table] : links[c.column];
        if (ids && ids.length > 0) linkConditions.push(sql`${ident(c.column)} in (${idList(ids)})`);
        if (c.udt === '_uuid' && c.column === 'child_ids') linkConditions.push(sql`${childId}::uuid = any(${ident(c.column)})`);
      }
      const textCols = cols.filter((c) => ['text', 'character varying', 'jsonb'].includes(c.dataType) || (c.dataType === 'ARRAY' && ['_text', '_varchar'].includes(c.udt)));
      if (linkConditions.length === 0 || textCols.length === 0) continue;
      const replaced = (c: Column): SQL => {
        const col = ident(c.column);
        if (c.dataType === 'jsonb') return sql`regexp_replace(${col}::text, ${pattern}, ${NAME_REMOVED}, 'gi')::jsonb`;
        if (c.dataType === 'ARRAY') return sql`array(select regexp_replace(x, ${pattern}, ${NAME_REMOVED}, 'gi') from unnest(${col}) with ordinality as u(x, n) order by n)`;
        return sql`regexp_replace(${col}, ${pattern}, ${NAME_REMOVED}, 'gi')`;
      };
      const sets = sql.join(textCols.map((c) => sql`${ident(c.column)} = ${replaced(c)}`), sql`, `);
      const holds = sql.join(textCols.map((c) => sql`coalesce(${ident(c.column)}::text, '') ~* ${pattern}`), sql` or `);
      const result = await tx.execute(sql`update ${ident(table)} set ${sets} where (${sql.join(linkConditions, sql` or `)}) and (${holds})`);
      count(table, (result as unknown as { affectedRows?: number; rowCount?: number }).affectedRows ?? (result as unknown as { rowCount?: number }).rowCount ?? 0);
    }
  }

  // The child, and family who are no one else's: nothing that identifies them is left.
  const anonymise = {
    givenNames: '', familyName: DISPOSED_PERSON, aliases: [], laChildId: null, dateOfBirth: null, expectedDeliveryDate: null, sex: null, gender: null, ethnicity: null,
    firstLanguage: null, disabilities: [], communicationNeeds: null, nationality: null, immigrationStatus: null, euSettlementStatus: null, dateOfDeath: null,
    nhsNumber: null, gpName: null, gpPractice: null, externalRef: null, importDigest: null, updatedAt: now,
  };
  const gone = [childId, ...familyGone];
  await tx.delete(personMatchKeys).where(inArray(personMatchKeys.personId, gone));
  await tx.delete(addresses).where(inArray(addresses.personId, gone));
  await bumpVersion(tx, people, inArray(people.id, gone), anonymise);

  // Content nobody can redact: recordings of conferences that were this child's alone, the child's uploaded report files, letters sent about them.
  const ownConferences = conferenceIds.filter((id) => !sharedConferences.has(id));
  const recordings = ownConferences.length
    ? await tx.update(conferenceRecordings).set({ fileBase64: '', bytes: 0, description: '', fileName: 'disposed', disposedAt: now })
      .where(and(inArray(conferenceRecordings.conferenceId, ownConferences), isNull(conferenceRecordings.disposedAt))).returning({ id: conferenceRecordings.id })
    : [];
  if (reportIds.length) await tx.update(reports).set({ fileBase64: null, fileName: null, fileType: null }).where(inArray(reports.id, reportIds));
  if (outboxIds.length) await tx.update(outboxMessages).set({ attachments: [] }).where(inArray(outboxMessages.id, outboxIds));
  await tx.update(formDrafts).set({ fields: {}, clearedAt: now }).where(sql`${childId}::uuid = any(${formDrafts.childIds})`);

  return { tables, recordingsDisposed: recordings.length, familyDisposed: familyGone.length };
}
