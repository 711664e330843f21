/**
 * Loads a synthetic population fast enough for a million people (`demo generate`, the enquiry
 * bench): people, their present and previous addresses, the matcher's blocking keys, each child's
 * parents (relationships) and, for children on plans, an open case and a current plan, all written
 * with COPY in batches. It is one transaction: an interrupted load leaves nothing behind.
 *
 * A large load into tables it outweighs first drops the secondary indexes, the key table's primary
 * key and the foreign keys of the tables it fills, and builds them again at the end: building a
 * B-tree by sorting once is far cheaper than inserting ten million random keys into one, and a
 * foreign key added afterwards is checked by one join instead of a trigger a row. The tables are
 * locked while it runs (a demo and bench tool, never run beside a live service).
 *
 * Rows are the importer's (`parseImportRow`): the same normalised postcodes, kind and digest, so
 * `register import-people` of the same people afterwards finds them all unchanged.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { copyLine, type BulkSession, type DatabaseHandle } from '../../db/client.js';
import { blockingKeys } from '../../domain/matching/keys.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { auditRow } from '../audit/record-audit.js';
import { importingAuthority, IMPORTED_PLAN_CATEGORY, kindOf, parseImportRow } from '../enquiry/import-people.js';
import { keySourceOf } from '../enquiry/match-keys.js';
import type { ActionContext } from '../shared/action-context.js';
import { toCsvFields, type SyntheticPerson } from './synthetic-population.js';

/** People a COPY batch: big enough that statements are few, small enough that the text stays tens of megabytes. */
const BATCH = 25_000;
/** The tables a load fills, whose indexes and foreign keys may be dropped and rebuilt around it. */
const LOADED_TABLES = ['people', 'addresses', 'person_match_keys', 'relationships'] as const;

export interface BulkLoadSummary {
  people: number;
  /** Already there (by external reference): the load added nothing. */
  alreadyLoaded: boolean;
  relationships: number;
  keys: number;
  plansStarted: number;
  /** Whether indexes were dropped and rebuilt around the load. */
  rebuiltIndexes: boolean;
  seconds: { load: number; indexes: number };
}

interface Rebuild {
  drop: string[];
  create: string[];
}

/** The statements to drop and to re-create the loaded tables' secondary indexes, the key table's primary key and their foreign keys. */
async function indexRebuild(session: BulkSession): Promise<Rebuild> {
  const tables = LOADED_TABLES.map((t) => `'${t}'`).join(', ');
  // Indexes not behind a constraint (the people primary key, which every other table refers to, stays).
  const indexes = await session.query<{ name: string; def: string }>(`
    select i.relname as name, pg_get_indexdef(i.oid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
    where c.relname in (${tables}) and c.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint k where k.conindid = i.oid)
    order by i.relname`);
  const constraints = await session.query<{ tbl: string; name: string; def: string; type: string }>(`
    select c.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def, k.contype as type
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    where c.relname in (${tables}) and c.relnamespace = 'public'::regnamespace
      and (k.contype = 'f' or (k.contype = 'p' and c.relname = 'person_match_keys'))
    order by (k.contype = 'p') desc, k.conname`);
  return {
    drop: [...constraints.map((k) => `alter table ${k.tbl} drop constraint "${k.name}"`), ...indexes.map((i) => `drop index "${i.name}"`)],
    // Primary key first, then the other indexes, then the foreign keys (each checked by one join).
    create: [...constraints.filter((k) => k.type === 'p').map((k) => `alter table ${k.tbl} add constraint "${k.name}" ${k.def}`), ...indexes.map((i) => i.def), ...constraints.filter((k) => k.type === 'f').map((k) => `alter table ${k.tbl} add constraint "${k.name}" ${k.def}`)],
  };
}

/**
 * Loads `people` (a synthetic population: households in order, adults before their children).
 * When the first person is already there, it adds nothing: use `register import-people` to
 * bring an existing population up to date.
 */
export async function bulkLoadPeople(
  database: DatabaseHandle,
  context: ActionContext,
  people: Iterable<SyntheticPerson>,
  /** `rebuildIndexes`: true or false to decide rather than judge by the size of the load (tests). */
  options: { expected: number; onProgress?: (done: number) => void; rebuildIndexes?: boolean },
): Promise<BulkLoadSummary> {
  const today = londonIsoDate(context.now);
  const yesterday = Temporal.PlainDate.from(today).subtract({ days: 1 }).toString();
  const stamp = context.now.toISOString();
  const organisationId = await importingAuthority(database.db);
  const started = Date.now();
  const summary: BulkLoadSummary = { people: 0, alreadyLoaded: false, relationships: 0, keys: 0, plansStarted: 0, rebuiltIndexes: false, seconds: { load: 0, indexes: 0 } };
  const iterator = people[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return summary;

  return database.bulk(async (session) => {
    const [present] = await session.query<{ n: number }>('select count(*)::int as n from people where external_ref = $1', [first.value.personId]);
    if (present!.n > 0) return { ...summary, alreadyLoaded: true };
    const [{ n: existing } = { n: 0 }] = await session.query<{ n: number }>('select count(*)::int as n from people');
    // Rebuilding costs a sort of everything already there: worth it only when the load is the most of it.
    const worthIt = options.rebuildIndexes ?? (options.expected >= 10_000 && options.expected >= existing);
    const rebuild = worthIt ? await indexRebuild(session) : null;
    for (const statement of rebuild?.drop ?? []) await session.query(statement);
    summary.rebuiltIndexes = Boolean(rebuild);

    const ids = new Map<string, string>(); // external reference → id, for parents (a household's adults come just before its children)
    let peopleText = '', addressText = '', keyText = '', relationText = '';
    const plans: string[] = [];
    const flush = async () => {
      if (peopleText) await session.copy('people', ['id', 'kind', 'given_names', 'family_name', 'aliases', 'date_of_birth', 'sex', 'external_ref', 'import_digest', 'created_at', 'updated_at'], peopleText);
      if (addressText) await session.copy('addresses', ['person_id', 'line1', 'town', 'postcode', 'from_date', 'to_date'], addressText);
      if (keyText) await session.copy('person_match_keys', ['key', 'person_id'], keyText);
      if (relationText) await session.copy('relationships', ['child_id', 'person_id', 'type', 'parental_responsibility', 'lives_with_child'], relationText);
      if (plans.length) {
        // An open case to hang each plan on, as the importer gives a child with onPlan 1.
        const caseIds = plans.map(() => randomUUID());
        await session.copy('cases', ['id', 'child_id', 'organisation_id', 'opened_on'], caseIds.map((id, i) => copyLine([id, plans[i]!, organisationId, today])).join(''));
        await session.copy('child_protection_plans', ['case_id', 'child_id', 'start_date', 'initial_categories', 'latest_categories'], caseIds.map((id, i) => copyLine([id, plans[i]!, today, `{${IMPORTED_PLAN_CATEGORY}}`, `{${IMPORTED_PLAN_CATEGORY}}`])).join(''));
        summary.plansStarted += plans.length;
      }
      peopleText = addressText = keyText = relationText = '';
      plans.length = 0;
      options.onProgress?.(summary.people);
    };

    let line = 2;
    let flushedAt = 0;
    for (let next: IteratorResult<SyntheticPerson> = first; !next.done; next = iterator.next()) {
      const p = next.value;
      const row = parseImportRow({ line: line++, fields: toCsvFields(p) }, today);
      if ('message' in row) throw new Error(`synthetic person ${p.personId}: ${row.message}`);
      const id = randomUUID();
      ids.set(p.personId, id);
      peopleText += copyLine([id, kindOf(row, today), row.givenNames, row.familyName, JSON.stringify(row.aliases), row.dateOfBirth, row.sex, row.personId, row.digest, stamp, stamp]);
      if (row.previousPostcode) addressText += copyLine([id, '(previous address)', '', row.previousPostcode, row.dateOfBirth ?? '1900-01-01', yesterday]);
      if (row.postcode || row.address) addressText += copyLine([id, row.address || '(address not given)', '', row.postcode ?? '', today, null]);
      const keys = blockingKeys(keySourceOf(row, [row.postcode, row.previousPostcode].filter((x): x is string => Boolean(x))));
      for (const key of keys) keyText += copyLine([key, id]);
      summary.keys += keys.length;
      for (const parent of p.parents) {
        const parentId = ids.get(parent.personId);
        if (!parentId) continue;
        relationText += copyLine([id, parentId, parent.relation, parent.relation !== 'step-parent', true]);
        summary.relationships++;
      }
      if (row.onPlan) plans.push(id);
      summary.people++;
      if (p.child && summary.people - flushedAt >= BATCH) {
        await flush();
        flushedAt = summary.people;
        // A parent is needed only until their household's children are written (at most six people a household).
        for (const [ref] of ids) if (ids.size > 16) ids.delete(ref);
      }
    }
    await flush();
    summary.seconds.load = (Date.now() - started) / 1000;

    const indexing = Date.now();
    for (const statement of rebuild?.create ?? []) await session.query(statement);
    // Fresh statistics, so the planner knows the key table is large and selective from the first search.
    for (const table of [...LOADED_TABLES, 'cases', 'child_protection_plans']) await session.query(`analyze ${table}`);
    summary.seconds.indexes = (Date.now() - indexing) / 1000;

    const audit = auditRow(context, { action: 'people-generated', details: { people: summary.people, plansStarted: summary.plansStarted, relationships: summary.relationships, first: first.value.personId } });
    await session.query(
      'insert into audit_events (at, user_id, username, role, action, outcome, request_id, address, details) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [stamp, audit.userId, audit.username, audit.role, audit.action, audit.outcome, audit.requestId, audit.address, JSON.stringify(audit.details)],
    );
    return summary;
  });
}
