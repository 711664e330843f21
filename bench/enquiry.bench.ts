// The enquiry matcher at scale: a seeded synthetic population loaded on PGlite and (when
// reachable) PostgreSQL, then a labelled set of enquiries with every error kind the matcher
// must survive, and enquiries about children who are not on record.
//   enquiry-p50-ms / enquiry-p99-ms     time to answer one enquiry (index lookup, scoring, details)
//   enquiry-recall-at-10                the right child among the 10 candidates, children on plans
//   enquiry-top1                        the right child first
//   enquiry-false-strong-on-absent      a `strong` candidate for a child who is not on record
// BENCH_ENQUIRY_PEOPLE sets the population (default 20,000 on this shared machine; aim 1,000,000);
// BENCH_ENQUIRY_ENGINES which engines, in order; BENCH_PROGRESS=1 shows the load's progress.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { familyCodes } from '../src/domain/matching/keys.js';
import { formalNamesOf, NICKNAMES, transliterationGroup } from '../src/domain/matching/names.js';
import { bulkLoadPeople } from '../src/modules/demo/bulk-load.js';
import { syntheticPeople, type SyntheticPerson } from '../src/modules/demo/synthetic-population.js';
import { findCandidates, parseEnquiryQuery } from '../src/modules/enquiry/search-people.js';
import { systemContext } from '../src/modules/shared/action-context.js';

const PEOPLE = Number(process.env.BENCH_ENQUIRY_PEOPLE ?? 20_000);
const SEED = 42;
const TODAY = '2026-03-02';
const NOW = new Date(`${TODAY}T10:00:00Z`);

interface Labelled {
  kind: string;
  query: { given: string; family: string; dob?: string; postcode?: string; parents?: { given: string; family: string }[] };
  expect: string | null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const firstGiven = (p: SyntheticPerson) => p.givenNames.split(' ')[0]!;
const strip = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function soundAlike(family: string): string {
  const rules: [RegExp, string][] = [[/ph/i, 'f'], [/ck/i, 'k'], [/([bdfglmnprst])\1/i, '$1'], [/y/i, 'i'], [/son$/i, 'sen'], [/ie/i, 'y'], [/c/i, 'k'], [/s$/i, 'z']];
  for (const [re, to] of rules) if (re.test(family.slice(1))) return family[0] + family.slice(1).replace(re, to);
  return family.replace(/([aeiou])([bdfglmnprst])/i, '$1$2$2');
}

function typo(given: string): string {
  if (given.length < 4) return `${given}${given[given.length - 1]}`;
  return given.charAt(0) + given.charAt(2) + given.charAt(1) + given.slice(3);
}

function nicknameFor(given: string): string | null {
  const formal = given.toLowerCase();
  const nick = Object.keys(NICKNAMES).find((n) => formalNamesOf(n).includes(formal));
  return nick ? cap(nick) : null;
}

function oneDigit(dob: string): string {
  const day = Number(dob.slice(8, 10));
  const units = day % 10;
  const next = units < 8 && day + 1 <= 28 ? day + 1 : day - 1;
  return `${dob.slice(0, 8)}${String(next).padStart(2, '0')}`;
}

/**
 * The family name misspelt by one letter so that it no longer sounds the same (no blocking key in
 * common with the child's): with no date of birth, only the parent's name can find the child.
 */
function misspeltAway(family: string): string | null {
  const codes = new Set(familyCodes(family));
  for (let i = 1; i < family.length; i++) {
    for (const letter of 'tkmrbnlsdg') {
      if (family[i]!.toLowerCase() === letter) continue;
      const spelt = family.slice(0, i) + letter + family.slice(i + 1);
      if (familyCodes(spelt).every((c) => !codes.has(c))) return spelt;
    }
  }
  return null;
}

/** The name of one of a child's parents, as an enquirer would give it (first given name and family name). */
function parentName(p: SyntheticPerson, byId: Map<string, SyntheticPerson>, which: number): { given: string; family: string } | null {
  const ref = p.parents[which % Math.max(1, p.parents.length)];
  const parent = ref ? byId.get(ref.personId) : undefined;
  return parent ? { given: firstGiven(parent), family: parent.familyName } : null;
}

function labelled(): Labelled[] {
  const all = [...syntheticPeople({ count: PEOPLE, seed: SEED, today: TODAY })];
  const byId = new Map(all.filter((p) => !p.child).map((p) => [p.personId, p]));
  const onPlan = all.filter((p) => p.child && p.onPlan);
  const out: Labelled[] = [];
  const kinds = ['exact', 'nickname', 'transliteration', 'family-sounds-alike', 'given-typo', 'names-swapped', 'dob-day-month-swapped', 'dob-one-digit', 'dob-unknown', 'previous-postcode', 'alias', 'case-and-diacritics', 'twin', 'parent-named', 'parent-only-family-misspelt'] as const;
  onPlan.forEach((p, i) => {
    const kind = kinds[i % kinds.length]!;
    const g = firstGiven(p);
    const base = { given: g, family: p.familyName, dob: p.dateOfBirth };
    let query: Labelled['query'] | null = null;
    switch (kind) {
      case 'exact': query = base; break;
      case 'nickname': { const n = nicknameFor(g); query = n ? { ...base, given: n } : { ...base, given: typo(g) }; break; }
      case 'transliteration': {
        const group = transliterationGroup(strip(g).toLowerCase()) ?? transliterationGroup(strip(p.familyName).toLowerCase());
        const variant = group?.find((v) => v !== strip(g).toLowerCase() && v !== strip(p.familyName).toLowerCase());
        query = variant ? (transliterationGroup(strip(g).toLowerCase()) ? { ...base, given: cap(variant) } : { ...base, family: cap(variant) }) : { ...base, family: soundAlike(p.familyName) };
        break;
      }
      case 'family-sounds-alike': query = { ...base, family: soundAlike(p.familyName) }; break;
      case 'given-typo': query = { ...base, given: typo(g) }; break;
      case 'names-swapped': query = { given: p.familyName, family: g, dob: p.dateOfBirth }; break;
      case 'dob-day-month-swapped': {
        const [y, m, d] = p.dateOfBirth.split('-');
        query = Number(d) <= 12 && d !== m ? { ...base, dob: `${y}-${d}-${m}` } : { ...base, dob: oneDigit(p.dateOfBirth) };
        break;
      }
      case 'dob-one-digit': query = { ...base, dob: oneDigit(p.dateOfBirth) }; break;
      case 'dob-unknown': query = { given: g, family: p.familyName, postcode: p.postcode }; break;
      case 'previous-postcode': query = { given: g, family: p.familyName, postcode: p.previousPostcode ?? p.postcode }; break;
      case 'alias': query = p.aliases[0] ? { given: p.aliases[0].givenNames.split(' ')[0]!, family: p.aliases[0].familyName, dob: p.dateOfBirth } : { ...base, given: typo(g) }; break;
      case 'case-and-diacritics': query = { given: strip(g).toUpperCase(), family: strip(p.familyName).toLowerCase().replace(/^mac/, 'mc').replace(/-/g, ' '), dob: p.dateOfBirth }; break;
      case 'twin': query = base; break;
      // A parent's name with the child's names and no date of birth: the mother or the father, in turn.
      case 'parent-named': {
        const parent = parentName(p, byId, i);
        query = parent ? { given: g, family: p.familyName, parents: [parent] } : base;
        break;
      }
      // The child's family name misspelt out of recognition and no date: only the parent finds the child.
      case 'parent-only-family-misspelt': {
        const parent = parentName(p, byId, i);
        const spelt = misspeltAway(p.familyName);
        query = parent && spelt ? { given: g, family: spelt, parents: [parent] } : { ...base, given: typo(g) };
        break;
      }
    }
    out.push({ kind, query: query!, expect: p.personId });
  });
  // Twins on plans, asked for by name: the right twin must come first.
  for (const p of onPlan.filter((x) => x.twinOf)) out.push({ kind: 'twin', query: { given: firstGiven(p), family: p.familyName, dob: p.dateOfBirth }, expect: p.personId });
  // Children not on record (another seed): any `strong` candidate is a false one.
  // A third of them name a parent too (with no date of birth, as a caller who knows the family might).
  let absent = 0;
  const others = [...syntheticPeople({ count: 4000, seed: SEED + 1, today: TODAY, idPrefix: 'ABSENT-' })];
  const otherById = new Map(others.filter((p) => !p.child).map((p) => [p.personId, p]));
  for (const p of others) {
    if (!p.child || absent >= 300) continue;
    const parent = absent % 3 === 2 ? parentName(p, otherById, absent) : null;
    absent++;
    out.push({ kind: parent ? 'absent-with-parent' : 'absent', query: parent ? { given: firstGiven(p), family: p.familyName, parents: [parent] } : { given: firstGiven(p), family: p.familyName, dob: p.dateOfBirth }, expect: null });
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(database: DatabaseHandle, engine: string, set: Labelled[]): Promise<string[]> {
  const started = Date.now();
  const loaded = await bulkLoadPeople(database, systemContext(NOW), syntheticPeople({ count: PEOPLE, seed: SEED, today: TODAY }), {
    expected: PEOPLE,
    onProgress: (done) => {
      if (process.env.BENCH_PROGRESS) process.stderr.write(`${engine}: ${done} people loaded, ${Math.round(done / ((Date.now() - started) / 1000))}/s\n`);
    },
  });
  const loadSeconds = (Date.now() - started) / 1000;
  const times: number[] = [];
  let present = 0, found10 = 0, top1 = 0, absent = 0, falseStrong = 0;
  const missedKinds: Record<string, number> = {};
  const notFirstKinds: Record<string, number> = {};
  const perKind: Record<string, number> = {};
  const timesByKind: Record<string, number[]> = {};
  const falseStrongKinds: Record<string, number> = {};
  for (const item of set) {
    const query = parseEnquiryQuery(item.query, TODAY);
    const t0 = performance.now();
    const candidates = await findCandidates(database.db, query);
    const took = performance.now() - t0;
    times.push(took);
    (timesByKind[item.kind] ??= []).push(took);
    if (item.expect) {
      present++;
      const at = candidates.findIndex((c) => c.externalRef === item.expect);
      perKind[item.kind] = (perKind[item.kind] ?? 0) + 1;
      if (at >= 0) found10++;
      else missedKinds[item.kind] = (missedKinds[item.kind] ?? 0) + 1;
      if (at === 0) top1++;
      else notFirstKinds[item.kind] = (notFirstKinds[item.kind] ?? 0) + 1;
    } else {
      absent++;
      perKind[item.kind] = (perKind[item.kind] ?? 0) + 1;
      if (candidates.some((c) => c.match.strength === 'strong')) {
        falseStrong++;
        falseStrongKinds[item.kind] = (falseStrongKinds[item.kind] ?? 0) + 1;
      }
    }
  }
  times.sort((a, b) => a - b);
  const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(2) : 'n/a');
  return [
    `enquiry-population (${engine}): ${loaded.people} people (${loaded.relationships} parent links, ${loaded.keys} blocking keys, ${loaded.plansStarted} on plans), loaded in ${loadSeconds.toFixed(0)} s`,
    `enquiry-load-people-per-s (${engine}): ${Math.round(loaded.people / loadSeconds)} people/s (COPY ${loaded.seconds.load.toFixed(0)} s, indexes rebuilt ${loaded.seconds.indexes.toFixed(0)} s)`,
    `enquiry-p50-ms (${engine}): ${percentile(times, 50).toFixed(1)} ms`,
    `enquiry-p99-ms (${engine}): ${percentile(times, 99).toFixed(1)} ms`,
    `enquiry-recall-at-10 (${engine}): ${pct(found10, present)} % of ${present} enquiries about children on plans`,
    `enquiry-top1 (${engine}): ${pct(top1, present)} %`,
    `enquiry-false-strong-on-absent (${engine}): ${pct(falseStrong, absent)} % of ${absent} enquiries`,
    `enquiry-enquiries-by-kind (${engine}): ${JSON.stringify(perKind)}`,
    `enquiry-p99-ms-by-kind (${engine}): ${JSON.stringify(Object.fromEntries(Object.entries(timesByKind).map(([k, t]) => [k, Number(percentile(t.sort((a, b) => a - b), 99).toFixed(1))])))}`,
    `enquiry-missed-by-kind (${engine}): ${JSON.stringify(missedKinds)}`,
    `enquiry-not-first-by-kind (${engine}): ${JSON.stringify(notFirstKinds)}`,
    `enquiry-false-strong-by-kind (${engine}): ${JSON.stringify(falseStrongKinds)}`,
  ];
}

async function onPglite(set: Labelled[]): Promise<string[]> {
  const pglite = await openDatabase({ memory: true });
  try {
    await pglite.migrate();
    return await measure(pglite, 'pglite', set);
  } finally {
    await pglite.close();
  }
}

async function onPostgres(set: Labelled[]): Promise<string[]> {
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return ['enquiry: PostgreSQL not reachable, not measured (postgres)'];
  }
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await database.migrate();
    return await measure(database, 'postgres', set);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** BENCH_ENQUIRY_ENGINES: which engines, in order (default `pglite,postgres`). */
export async function run(): Promise<string[]> {
  const set = labelled();
  const lines: string[] = [];
  for (const engine of (process.env.BENCH_ENQUIRY_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim())) {
    const figures = engine === 'pglite' ? await onPglite(set) : engine === 'postgres' ? await onPostgres(set) : [`enquiry: unknown engine ${engine}`];
    // Printed as each engine finishes, so a long run shows its first figures early.
    if (process.env.BENCH_PROGRESS) for (const line of figures) process.stderr.write(`${line}\n`);
    lines.push(...figures);
  }
  return lines;
}
