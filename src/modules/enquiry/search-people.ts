/**
 * The one people search the staff pages, the enquiry service and the command line share:
 * candidates come from the matcher's blocking-key index (never a scan), are scored by the pure
 * domain matcher, and at most ten are returned, strongest first, each with the plan status an
 * enquirer or a practitioner needs.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client.js';
import { parseIsoDate, type QueryDob } from '../../domain/matching/dates.js';
import { parentBlockingKeys, queryBlockingKeys } from '../../domain/matching/keys.js';
import { nameTokens, normalisePostcode } from '../../domain/matching/normalise.js';
import { PARENT_RELATIONS, type ParentName, type RecordedParent } from '../../domain/matching/parents.js';
import { rankCandidates, scoreCandidate, type MatchQuery, type MatchResult } from '../../domain/matching/score.js';
import type { PersonSummary } from '../records/search-people.js';
import { mayOpenChildRecord } from '../../policies/child-record.js';
import { mayViewChildRecords } from '../../policies/children.js';
import { childRelationships } from '../access/child-record-access.js';
import { auditRow, insertAuditRows } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { rowsOf } from '../shared/rows-of.js';

/** How many people a search may read from the index before scoring: a bound, not a scan. */
export const CANDIDATE_CAP = 3000;
export const MAX_RESULTS = 10;

const text = (max: number) =>
  z
    .string()
    .max(10_000, 'That is too long')
    .transform((v) => v.replaceAll('\0', '').trim())
    .refine((v) => v.length <= max, `Enter at most ${max} characters`);

/** A parent's name as the caller gives it: either part may be missing. */
const parentName = z.object({ given: text(100).default(''), family: text(100).default('') }).strict();

export const enquiryQuerySchema = z.object({
  given: text(100).default(''),
  family: text(100).default(''),
  dob: text(10).default(''),
  postcode: text(10).default(''),
  /** The mother's, father's or a step-parent's name: up to two, each scored against the child's recorded parents. */
  parents: z.array(parentName).max(2, 'Give at most two parents').default([]),
});
export type EnquiryQueryInput = z.input<typeof enquiryQuerySchema>;

export interface EnquiryQuery {
  given: string;
  family: string;
  dob: string | null;
  postcode: string | null;
  /** Only parents given with at least one part; [] when none. */
  parents: ParentName[];
}

/**
 * Checks an enquiry has enough to go on: a family name and a given name (or a date of birth),
 * in letters the matcher can read; a real date of birth not in the future; a plausible postcode.
 */
export function parseEnquiryQuery(input: unknown, today: string): EnquiryQuery {
  const parsed = enquiryQuerySchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'query', message: i.message })));
  }
  const { given, family, dob, postcode } = parsed.data;
  const parents = parsed.data.parents.filter((p) => p.given || p.family);
  const problems: FieldError[] = [];
  const readable = (v: string) => nameTokens(v).length > 0;
  if (!family) problems.push({ field: 'family', message: 'Enter a family name' });
  else if (!readable(family)) problems.push({ field: 'family', message: 'Enter the family name in Latin letters (A to Z): names in other scripts cannot be matched yet' });
  if (given && !readable(given)) problems.push({ field: 'given', message: 'Enter the given name in Latin letters (A to Z): names in other scripts cannot be matched yet' });
  if (dob) {
    const date = parseIsoDate(dob);
    if (!date) problems.push({ field: 'dob', message: 'Enter the date of birth as a real date, like 2015-03-27' });
    else if (dob > today) problems.push({ field: 'dob', message: 'The date of birth must be today or in the past' });
  }
  for (const [i, p] of parsed.data.parents.entries()) {
    for (const part of ['given', 'family'] as const) {
      if (p[part] && !readable(p[part])) problems.push({ field: `parents.${i}.${part}`, message: `Enter the parent’s ${part} name in Latin letters (A to Z): names in other scripts cannot be matched yet` });
    }
  }
  if (postcode && !/^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$/.test(normalisePostcode(postcode) ?? '')) {
    problems.push({ field: 'postcode', message: 'Enter a full postcode, like LS6 2AB' });
  }
  if (!problems.length && family && !given && !dob) {
    problems.push({ field: 'given', message: 'A family name alone matches too many people: add a given name or a date of birth' });
  }
  if (problems.length) throw new ValidationError(problems);
  return { given, family, dob: dob || null, postcode: postcode || null, parents };
}

export interface PlanSummary {
  status: 'current' | 'ended' | 'none';
  startDate: string | null;
  categories: string[];
  endDate: string | null;
  endReason: string | null;
}

export interface Candidate extends PersonSummary {
  externalRef: string | null;
  caseOpen: boolean;
  plan: PlanSummary;
  match: MatchResult;
}

/** What the scorer and the ranking read of each candidate, and nothing more. */
interface ProfileRow {
  id: string;
  given_names: string;
  family_name: string;
  aliases: { givenNames: string; familyName: string }[] | null;
  date_of_birth: string | null;
  external_ref: string | null;
  la_child_id: string | null;
  postcodes: { postcode: string; current: boolean }[] | null;
  /** The recorded parents, read only when the enquiry names one (null otherwise, or when none is recorded). */
  parents: { relation: string; givenNames: string; familyName: string; aliases: { givenNames: string; familyName: string }[] | null }[] | null;
}

interface DetailRow {
  id: string;
  kind: string;
  expected_delivery_date: unknown;
  address: string | null;
  case_id: string | null;
  case_open: boolean | null;
  plan_start: unknown;
  plan_end: unknown;
  plan_end_reason: string | null;
  plan_categories: string[] | null;
}

// eslint-disable-next-line no-restricted-syntax -- a date column read as a Date at UTC midnight: its UTC date is the stored date
const isoDate = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const textArray = (values: readonly string[]) => sql`${sql.param(values)}::text[]`;

/**
 * The candidates and everything the scorer reads of them in one statement, so an enquiry costs one
 * round trip before scoring however many people its keys find (the time of an enquiry on a busy
 * machine is its round trips: each statement is well under a millisecond of the server's work).
 *   keyed      people filed under any of the enquiry's keys (primary key on key, person_id), capped;
 *   by_parent  when a parent is named, the children of the people filed under the parent's keys
 *              (relationships_person), added within what is left of the same cap, keyed first;
 *   each row   the person's names, aliases, date of birth and references, every postcode they have
 *              lived at (addresses_person) and, when a parent is named, their recorded parents
 *              (relationships_child): a bound of CANDIDATE_CAP rows, never a query per candidate.
 * Arrays are sent as one parameter each, so the statement's text is the same for every enquiry.
 */
export function candidateProfiles(keys: readonly string[], parentKeys: readonly string[], withParents: boolean) {
  const relations = textArray([...PARENT_RELATIONS]);
  const found = parentKeys.length
    ? sql`by_parent as (
        select distinct r.child_id as id from person_match_keys k join relationships r on r.person_id = k.person_id
        where k.key = any(${textArray(parentKeys)}) and r.type = any(${relations})
        limit ${CANDIDATE_CAP}
      ),
      found as (
        select id from keyed
        union all
        (select id from by_parent where id not in (select id from keyed) limit (select greatest(0, ${CANDIDATE_CAP} - count(*)) from keyed))
      )`
    : sql`found as (select id from keyed)`;
  const parents = withParents
    ? sql`(select json_agg(json_build_object('relation', r.type, 'givenNames', pp.given_names, 'familyName', pp.family_name, 'aliases', pp.aliases))
          from relationships r join people pp on pp.id = r.person_id where r.child_id = p.id and r.type = any(${relations}))`
    : sql`null::json`;
  return sql`
    with keyed as (select distinct person_id as id from person_match_keys where key = any(${textArray(keys)}) limit ${CANDIDATE_CAP}),
    ${found}
    select p.id, p.given_names, p.family_name, p.aliases, p.date_of_birth::text as date_of_birth, p.external_ref, p.la_child_id,
           (select json_agg(json_build_object('postcode', a.postcode, 'current', a.to_date is null)) from addresses a where a.person_id = p.id) as postcodes,
           ${parents} as parents
    from found f join people p on p.id = f.id`;
}

/** Candidates for an enquiry, scored and ranked: strict and fuzzy together, at most `limit`. No audit: callers audit. */
export async function findCandidates(db: Queryable, query: EnquiryQuery, limit = MAX_RESULTS): Promise<Candidate[]> {
  const keys = queryBlockingKeys(query);
  if (!keys.length) return [];
  // A named parent finds their children too, within the same cap: a child whose own names were
  // given wrong is still a candidate, scored like any other.
  const parentKeys = parentBlockingKeys(query.parents, query.postcode);
  const profiles = rowsOf<ProfileRow>(await db.execute(candidateProfiles(keys, parentKeys, query.parents.length > 0)));
  if (!profiles.length) return [];
  const matchQuery: MatchQuery = {
    given: query.given,
    family: query.family,
    dob: query.dob ? ({ kind: 'exact', date: query.dob } satisfies QueryDob) : null,
    postcode: query.postcode,
    parents: query.parents,
  };
  const scored = profiles.map((p) => ({
    id: p.id,
    // What orders candidates alike in every measure of the match: the same on every engine.
    identity: [p.family_name, p.given_names, isoDate(p.date_of_birth) ?? '', p.external_ref ?? p.la_child_id ?? ''].join('\u0000'),
    profile: p,
    match: scoreCandidate(matchQuery, {
      givenNames: p.given_names,
      familyName: p.family_name,
      aliases: p.aliases ?? [],
      dateOfBirth: isoDate(p.date_of_birth),
      postcodes: p.postcodes ?? [],
      parents: (p.parents ?? []).map((r): RecordedParent => ({ relation: r.relation, givenNames: r.givenNames, familyName: r.familyName, aliases: r.aliases ?? [] })),
    }),
  }));
  const ranked = rankCandidates(scored, limit);
  if (!ranked.length) return [];
  // What is shown of the ten (or fewer) ranked: the second and last statement.
  const details = new Map(
    rowsOf<DetailRow>(
      await db.execute(sql`
        select p.id, p.kind, p.expected_delivery_date::text as expected_delivery_date,
          (select concat_ws(', ', a.line1, nullif(a.line2, ''), nullif(trim(a.town || ' ' || a.postcode), '')) from addresses a where a.person_id = p.id and a.to_date is null order by a.from_date desc limit 1) as address,
          c.id as case_id, (c.id is not null and c.closed_on is null) as case_open,
          pl.start_date::text as plan_start, pl.end_date::text as plan_end, pl.end_reason as plan_end_reason, pl.latest_categories as plan_categories
        from people p
        left join lateral (select c.id, c.closed_on from cases c where c.child_id = p.id order by (c.closed_on is null) desc, c.opened_on desc limit 1) c on true
        left join lateral (select * from child_protection_plans x where x.child_id = p.id order by (x.end_date is null) desc, x.start_date desc limit 1) pl on true
        where p.id = any(${sql.param(ranked.map((r) => r.id))}::uuid[])`),
    ).map((d) => [d.id, d]),
  );
  // A person removed between the two statements is no longer a candidate.
  return ranked.flatMap(({ profile: p, match }) => {
    const d = details.get(p.id);
    if (!d) return [];
    const start = isoDate(d.plan_start);
    const end = isoDate(d.plan_end);
    const candidate: Candidate = {
      id: p.id,
      externalRef: p.external_ref,
      laChildId: p.la_child_id,
      kind: d.kind,
      givenNames: p.given_names,
      familyName: p.family_name,
      aliases: p.aliases ?? [],
      dateOfBirth: isoDate(p.date_of_birth),
      expectedDeliveryDate: isoDate(d.expected_delivery_date),
      address: d.address ?? null,
      caseId: d.case_id ?? null,
      caseOpen: Boolean(d.case_open),
      plan: {
        status: !start ? 'none' : end ? 'ended' : 'current',
        startDate: start,
        categories: d.plan_categories ?? [],
        endDate: end,
        endReason: d.plan_end_reason ?? null,
      },
      match,
    };
    return [candidate];
  });
}

/**
 * Staff people search: who may see child records only; the search and each person shown are
 * audited (a child shown is a disclosure that the child is known).
 */
export async function searchPeople(db: Queryable, context: ActionContext, input: unknown): Promise<{ query: EnquiryQuery; candidates: Candidate[]; strictFound: boolean }> {
  if (!mayViewChildRecords(context.actor)) throw new ForbiddenError();
  const query = parseEnquiryQuery(input, londonIsoDate(context.now));
  // Only those whose record the searcher may open: another authority's children, and the adults
  // known only through them, are neither shown nor counted as found.
  const actor = context.actor!;
  const found = await findCandidates(db, query);
  // Every candidate's relationship in one statement, not one each.
  const relationships = await childRelationships(db, actor, found.map((c) => c.id));
  const candidates = found.filter((c) => mayOpenChildRecord(actor, relationships.get(c.id)!));
  const strictFound = candidates.some((c) => c.match.strict);
  await insertAuditRows(db, [
    auditRow(context, {
      action: 'people-searched',
      details: { given: query.given, family: query.family, dob: query.dob, postcode: query.postcode, parents: query.parents, results: candidates.length, strictFound },
    }),
    ...candidates.map((c) => auditRow(context, {
      action: 'person-shown-in-search',
      recordType: 'person',
      recordId: c.id,
      childId: c.kind === 'child' ? c.id : null,
      details: { score: c.match.score, strength: c.match.strength },
    })),
  ]);
  return { query, candidates, strictFound };
}
