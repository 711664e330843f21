/**
 * `register import-people`: loads people from another system's CSV, keeping each person's id
 * there as their external reference. Idempotent (a row already imported unchanged is left alone),
 * batched (one transaction per batch, so a batch is all in or all out), and forgiving of bad rows:
 * each is reported with its line number and skipped, and the rest load.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database, Transaction } from '../../db/client.js';
import { addresses, cases, childProtectionPlans, organisations, people, personMatchKeys, type Alias } from '../../db/schema/index.js';
import { parseIsoDate } from '../../domain/matching/dates.js';
import { blockingKeys } from '../../domain/matching/keys.js';
import { normalisePostcode } from '../../domain/matching/normalise.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError } from '../shared/errors.js';
import type { CsvRecord } from './csv.js';
import { insertMatchKeys, keySourceOf } from './match-keys.js';
import { theAuthority } from './the-authority.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';

export const IMPORT_HEADER = ['personId', 'givenNames', 'familyName', 'aliases', 'dateOfBirth', 'sex', 'address', 'postcode', 'previousPostcode', 'onPlan'] as const;
/** The category given to a child imported with onPlan 1: the contract asks for a plan "with any category". */
export const IMPORTED_PLAN_CATEGORY = 'NEG';
const BATCH = 5000;

export interface ImportRow {
  line: number;
  personId: string;
  givenNames: string;
  familyName: string;
  aliases: Alias[];
  dateOfBirth: string | null;
  sex: 'M' | 'F' | 'U' | null;
  address: string;
  postcode: string | null;
  previousPostcode: string | null;
  onPlan: boolean;
  digest: string;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  plansStarted: number;
  skipped: ImportProblem[];
}

const clean = (v: string | undefined) => (v ?? '').replaceAll('\0', '').trim();

/** An alias is "Given Family", or a single name used as a given name with the person's family name. */
export function parseAliases(value: string, familyName: string): Alias[] {
  return value
    .split(';')
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .map((a) => {
      const parts = a.split(' ');
      return parts.length === 1 ? { givenNames: parts[0]!, familyName } : { givenNames: parts.slice(0, -1).join(' '), familyName: parts[parts.length - 1]! };
    });
}

/** Checks one record; a problem message when it cannot be imported. */
export function parseImportRow(record: CsvRecord, today: string): ImportRow | ImportProblem {
  const bad = (message: string): ImportProblem => ({ line: record.line, message });
  if (record.fields.length !== IMPORT_HEADER.length) return bad(`expected ${IMPORT_HEADER.length} fields, found ${record.fields.length}`);
  const [personId, givenNames, familyName, aliasText, dob, sexText, address, postcode, previousPostcode, onPlanText] = record.fields.map(clean) as string[] as [
    string, string, string, string, string, string, string, string, string, string,
  ];
  if (!/^[A-Za-z0-9._:/-]{1,64}$/.test(personId)) return bad('personId must be 1 to 64 letters, digits or . _ : / -');
  if (!familyName) return bad('familyName is empty');
  if (familyName.length > 100 || givenNames.length > 100) return bad('a name is longer than 100 characters');
  if (aliasText.length > 1000) return bad('aliases are longer than 1000 characters');
  if (dob) {
    if (!parseIsoDate(dob)) return bad(`dateOfBirth "${dob.slice(0, 20)}" is not a real date in the form YYYY-MM-DD`);
    if (dob > today) return bad('dateOfBirth is in the future');
  }
  const sexUpper = sexText.toUpperCase();
  const sex: ImportRow['sex'] | undefined = sexUpper === '' ? null : sexUpper === 'M' || sexUpper === 'MALE' ? 'M' : sexUpper === 'F' || sexUpper === 'FEMALE' ? 'F' : sexUpper === 'U' ? 'U' : undefined;
  if (sex === undefined) return bad('sex must be M, F, U or empty');
  if (address.length > 300) return bad('address is longer than 300 characters');
  const pc = postcode ? normalisePostcode(postcode) : null;
  const prev = previousPostcode ? normalisePostcode(previousPostcode) : null;
  if (postcode && (!pc || pc.length > 8)) return bad(`postcode "${postcode.slice(0, 20)}" is not a postcode`);
  if (previousPostcode && (!prev || prev.length > 8)) return bad(`previousPostcode "${previousPostcode.slice(0, 20)}" is not a postcode`);
  if (!['', '0', '1'].includes(onPlanText)) return bad('onPlan must be 1, 0 or empty');
  const row = {
    line: record.line,
    personId,
    givenNames,
    familyName,
    aliases: parseAliases(aliasText, familyName),
    dateOfBirth: dob || null,
    sex,
    address,
    postcode: pc ? formatPostcode(pc) : null,
    previousPostcode: prev ? formatPostcode(prev) : null,
    onPlan: onPlanText === '1',
  };
  const digest = createHash('sha256').update(JSON.stringify({ ...row, line: undefined })).digest('base64url').slice(0, 22);
  return { ...row, digest };
}

function formatPostcode(normalised: string): string {
  return normalised.length >= 5 ? `${normalised.slice(0, -3)} ${normalised.slice(-3)}` : normalised;
}

/** A child until their eighteenth birthday (29 February's on 28 February in a common year, as Temporal would). */
export function kindOf(row: ImportRow, today: string): 'child' | 'adult' {
  if (row.onPlan || !row.dateOfBirth) return 'child';
  // Worked on the ISO string: a bulk load asks this a million times, and the date is already checked.
  const year = Number(row.dateOfBirth.slice(0, 4)) + 18;
  let monthDay = row.dateOfBirth.slice(4);
  if (monthDay === '-02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) monthDay = '-02-28';
  return `${String(year).padStart(4, '0')}${monthDay}` > today ? 'child' : 'adult';
}

export async function importingAuthority(db: Database): Promise<string> {
  const la = await theAuthority(db).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (la) return la.id;
  const [created] = await db.insert(organisations).values({ name: 'Imported records', kind: 'local-authority' }).returning({ id: organisations.id });
  return created!.id;
}

async function writeBatch(tx: Transaction, context: ActionContext, rows: ImportRow[], organisationId: string, summary: ImportSummary): Promise<void> {
  const today = londonIsoDate(context.now);
  const yesterday = Temporal.PlainDate.from(today).subtract({ days: 1 }).toString();
  const existing = (
    (await tx.execute(
      sql`select id, external_ref as ref, import_digest as digest from people where external_ref = any(${sql.param(rows.map((r) => r.personId))}::text[])`,
    )) as unknown as { rows: { id: string; ref: string; digest: string | null }[] }
  ).rows;
  const byRef = new Map(existing.map((e) => [e.ref, e]));
  const fresh = rows.filter((r) => !byRef.has(r.personId));
  const changed = rows.filter((r) => byRef.has(r.personId) && byRef.get(r.personId)!.digest !== r.digest);
  summary.unchanged += rows.length - fresh.length - changed.length;

  const ids = new Map<string, string>();
  if (fresh.length) {
    // New people go in as arrays (one parameter a column), which loads a million rows in minutes.
    for (const r of fresh) ids.set(r.personId, randomUUID());
    const column = <T>(f: (r: ImportRow) => T) => sql.param(fresh.map(f));
    await tx.execute(sql`
      insert into people (id, kind, given_names, family_name, aliases, date_of_birth, sex, external_ref, import_digest, created_at, updated_at)
      select id, kind, given, family, aliases, dob, sex, ref, digest, ${context.now.toISOString()}::timestamptz, ${context.now.toISOString()}::timestamptz
      from unnest(${column((r) => ids.get(r.personId)!)}::uuid[], ${column((r) => kindOf(r, today))}::text[], ${column((r) => r.givenNames)}::text[],
                  ${column((r) => r.familyName)}::text[], ${column((r) => JSON.stringify(r.aliases))}::jsonb[], ${column((r) => r.dateOfBirth)}::date[],
                  ${column((r) => r.sex)}::text[], ${column((r) => r.personId)}::text[], ${column((r) => r.digest)}::text[])
        as t(id, kind, given, family, aliases, dob, sex, ref, digest)`);
    const addressRows = fresh.flatMap((r) => {
      const id = ids.get(r.personId)!;
      const out: { personId: string; line1: string; postcode: string; fromDate: string; toDate: string | null }[] = [];
      if (r.previousPostcode) out.push({ personId: id, line1: '(previous address)', postcode: r.previousPostcode, fromDate: r.dateOfBirth ?? '1900-01-01', toDate: yesterday });
      if (r.postcode || r.address) out.push({ personId: id, line1: r.address || '(address not given)', postcode: r.postcode ?? '', fromDate: today, toDate: null });
      return out;
    });
    if (addressRows.length) {
      const col = <T>(f: (a: (typeof addressRows)[number]) => T) => sql.param(addressRows.map(f));
      await tx.execute(sql`
        insert into addresses (person_id, line1, town, postcode, from_date, to_date)
        select person_id, line1, '', postcode, from_date, to_date
        from unnest(${col((a) => a.personId)}::uuid[], ${col((a) => a.line1)}::text[], ${col((a) => a.postcode)}::text[], ${col((a) => a.fromDate)}::date[], ${col((a) => a.toDate)}::date[])
          as t(person_id, line1, postcode, from_date, to_date)`);
    }
    summary.created += fresh.length;
  }
  for (const r of changed) {
    const id = byRef.get(r.personId)!.id;
    ids.set(r.personId, id);
    await tx
      .update(people)
      .set({ givenNames: r.givenNames, familyName: r.familyName, aliases: r.aliases, dateOfBirth: r.dateOfBirth, sex: r.sex, importDigest: r.digest, updatedAt: context.now })
      .where(eq(people.id, id));
    const [current] = await tx.select().from(addresses).where(and(eq(addresses.personId, id), isNull(addresses.toDate)));
    if ((r.postcode ?? '') !== (current?.postcode ?? '') || (r.address && r.address !== current?.line1)) {
      if (current) await tx.update(addresses).set({ toDate: current.fromDate < today ? yesterday : current.fromDate }).where(eq(addresses.id, current.id));
      if (r.postcode || r.address) await tx.insert(addresses).values({ personId: id, line1: r.address || '(address not given)', town: '', postcode: r.postcode ?? '', fromDate: current && current.fromDate >= today ? current.fromDate : today });
    }
    summary.updated++;
  }
  const touched = [...fresh, ...changed];
  if (changed.length) {
    await tx.delete(personMatchKeys).where(inArray(personMatchKeys.personId, changed.map((r) => ids.get(r.personId)!)));
    const stored = await tx.select({ personId: addresses.personId, postcode: addresses.postcode }).from(addresses).where(inArray(addresses.personId, changed.map((r) => ids.get(r.personId)!)));
    await insertMatchKeys(tx, changed.map((r) => {
      const id = ids.get(r.personId)!;
      return { personId: id, keys: blockingKeys(keySourceOf(r, stored.filter((s) => s.personId === id).map((s) => s.postcode))) };
    }));
  }
  if (fresh.length) {
    await insertMatchKeys(tx, fresh.map((r) => ({ personId: ids.get(r.personId)!, keys: blockingKeys(keySourceOf(r, [r.postcode, r.previousPostcode].filter((p): p is string => Boolean(p)))) })));
  }

  // onPlan 1: a current plan (with an open case to hang it on) unless the child already has one.
  const wantPlan = touched.filter((r) => r.onPlan).map((r) => ids.get(r.personId)!);
  if (wantPlan.length) {
    const already = new Set((await tx.select({ childId: childProtectionPlans.childId }).from(childProtectionPlans).where(and(inArray(childProtectionPlans.childId, wantPlan), isNull(childProtectionPlans.endDate)))).map((p) => p.childId));
    const need = wantPlan.filter((id) => !already.has(id));
    if (need.length) {
      const open = await tx.select({ id: cases.id, childId: cases.childId }).from(cases).where(and(inArray(cases.childId, need), isNull(cases.closedOn)));
      const caseOf = new Map(open.map((c) => [c.childId, c.id]));
      const toOpen = need.filter((id) => !caseOf.has(id));
      if (toOpen.length) {
        const opened = await tx.insert(cases).values(toOpen.map((childId) => ({ childId, organisationId, openedOn: today }))).returning({ id: cases.id, childId: cases.childId });
        for (const c of opened) caseOf.set(c.childId, c.id);
      }
      await tx.insert(childProtectionPlans).values(
        need.map((childId) => ({ caseId: caseOf.get(childId)!, childId, startDate: today, initialCategories: [IMPORTED_PLAN_CATEGORY], latestCategories: [IMPORTED_PLAN_CATEGORY] })),
      );
      summary.plansStarted += need.length;
    }
  }
  if (touched.length) {
    await recordAudit(tx, context, {
      action: 'people-imported',
      details: { created: fresh.map((r) => r.personId), updated: changed.map((r) => r.personId), lines: [rows[0]!.line, rows[rows.length - 1]!.line] },
    });
  }
}

/** Reads records (the first is the header), imports the good rows in batches and reports the bad ones. */
export async function importPeople(
  db: Database,
  context: ActionContext,
  records: AsyncIterable<CsvRecord>,
  onProgress?: (done: number) => void,
): Promise<ImportSummary> {
  const summary: ImportSummary = { rows: 0, created: 0, updated: 0, unchanged: 0, plansStarted: 0, skipped: [] };
  const today = londonIsoDate(context.now);
  let header: string[] | null = null;
  let batch: ImportRow[] = [];
  const seen = new Set<string>();
  let organisationId: string | null = null;
  const flush = async () => {
    if (!batch.length) return;
    organisationId ??= await importingAuthority(db);
    const rows = batch;
    batch = [];
    await db.transaction((tx) => writeBatch(tx, context, rows, organisationId!, summary));
    onProgress?.(summary.rows);
  };
  for await (const record of records) {
    if (!header) {
      header = record.fields.map((f) => f.replace(/^\uFEFF/, '').trim());
      if (header.join(',') !== IMPORT_HEADER.join(',')) throw new ImportHeaderError(`The first line must be the header ${IMPORT_HEADER.join(',')}`);
      continue;
    }
    summary.rows++;
    const row = parseImportRow(record, today);
    if ('message' in row) {
      summary.skipped.push(row);
      continue;
    }
    if (seen.has(row.personId)) {
      summary.skipped.push({ line: row.line, message: `personId ${row.personId} appears earlier in the file` });
      continue;
    }
    seen.add(row.personId);
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (!header) throw new ImportHeaderError(`The file is empty: the first line must be the header ${IMPORT_HEADER.join(',')}`);
  await flush();
  return summary;
}

export class ImportHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportHeaderError';
  }
}
