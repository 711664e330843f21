import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, childProtectionPlans, people, personMatchKeys } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { statementsOf } from '../../../test/support/statements.js';
import { toActor } from '../accounts/load-actor.js';
import { createPerson, addAddress } from '../records/save-person.js';
import { systemContext, type ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { readCsv } from './csv.js';
import { importPeople } from './import-people.js';
import { findCandidates, parseEnquiryQuery, searchPeople } from './search-people.js';

const now = new Date('2026-03-02T10:00:00Z');
const HEADER = 'personId,givenNames,familyName,aliases,dateOfBirth,sex,address,postcode,previousPostcode,onPlan';
const CSV = [
  HEADER,
  'P1,William James,McDonald,Billy Jones;Will,2016-07-03,M,"1 High Street, Leeds",LS6 2AB,LS7 4QQ,1',
  'P2,Harriet,McDonald,,2016-07-03,F,"1 High Street, Leeds",LS6 2AB,,0',
  'P3,Oleksandr,Kovalenko,Sasha,2014-02-11,M,2 Low Road,M1 1AE,,1',
  'P4,Bad,Date,,2015-02-30,M,x,M1 1AE,,0',
  'P5,Odd,Sex,,2019-01-01,X,x,M1 1AE,,0',
  'P6,Mohammed,Hussain,,2012-11-05,M,"3 ""The"" Row",B1 1AA,,0',
  'P7,Too,Few',
].join('\n');

async function* records(text: string) {
  yield* readCsv((async function* () { yield text; })());
}

describeEachEngine('enquiry matching: import and search', (engine) => {
  const suite = suiteDatabase(engine);
  let staff: ActionContext;
  beforeAll(async () => {
    const worker = await createUser(suite.db(), { roles: ['social-worker'] });
    staff = { actor: toActor(worker), requestId: 'test', address: '127.0.0.1', now };
  });

  it('imports good rows, reports bad ones by line, and starts plans for onPlan 1', async () => {
    const summary = await importPeople(suite.db(), systemContext(now), records(CSV));
    expect(summary).toMatchObject({ rows: 7, created: 4, updated: 0, unchanged: 0, plansStarted: 2 });
    expect(summary.skipped.map((s) => s.line)).toEqual([5, 6, 8]);
    expect(summary.skipped[0]!.message).toMatch(/dateOfBirth/);
    const [p1] = await suite.db().select().from(people).where(eq(people.externalRef, 'P1'));
    expect(p1).toMatchObject({ givenNames: 'William James', familyName: 'McDonald', kind: 'child', aliases: [{ givenNames: 'Billy', familyName: 'Jones' }, { givenNames: 'Will', familyName: 'McDonald' }] });
    const plans = await suite.db().select().from(childProtectionPlans).where(isNull(childProtectionPlans.endDate));
    expect(plans).toHaveLength(2);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await suite.db().select({ n: count() }).from(personMatchKeys);
    const summary = await importPeople(suite.db(), systemContext(now), records(CSV));
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 4, plansStarted: 0 });
    const after = await suite.db().select({ n: count() }).from(personMatchKeys);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await suite.db().select({ n: count() }).from(people)).toEqual([{ n: 4 }]);
  });

  it('a changed row updates the person and their keys', async () => {
    const changed = CSV.replace('P6,Mohammed,Hussain', 'P6,Mohammed,Hosseini');
    const summary = await importPeople(suite.db(), systemContext(now), records(changed));
    expect(summary).toMatchObject({ updated: 1, unchanged: 3 });
    const found = await findCandidates(suite.db(), parseEnquiryQuery({ given: 'Mohammed', family: 'Hosseini', dob: '2012-11-05' }, '2026-03-02'));
    expect(found[0]?.externalRef).toBe('P6');
    await importPeople(suite.db(), systemContext(now), records(CSV));
  });

  it('finds a child by nickname with day and month swapped, and tells the twin apart', async () => {
    const found = await findCandidates(suite.db(), parseEnquiryQuery({ given: 'Bill', family: 'Macdonald', dob: '2016-03-07' }, '2026-03-02'));
    expect(found.map((c) => c.externalRef)).toEqual(['P1', 'P2']);
    expect(found[0]!.match.reasons).toEqual(expect.arrayContaining(['nickname of William', 'date of birth with day and month swapped']));
    expect(found[0]!.plan.status).toBe('current');
    expect(found[0]!.caseOpen).toBe(true);
    expect(found[0]!.address).toBe('1 High Street, Leeds, LS6 2AB');
    expect(found[1]!.match.strength).toBe('weak');
  });

  it('finds by transliteration, alias, previous postcode and swapped names', async () => {
    const ask = async (q: Record<string, string>) => (await findCandidates(suite.db(), parseEnquiryQuery(q, '2026-03-02'))).map((c) => c.externalRef);
    expect((await ask({ given: 'Muhammad', family: 'Hussein', dob: '2012-11-05' }))[0]).toBe('P6');
    expect((await ask({ given: 'Sasha', family: 'Kovalenko' }))[0]).toBe('P3');
    expect((await ask({ given: 'Aleksandr', family: 'Kovalenko', dob: '2014-02-11' }))[0]).toBe('P3');
    expect((await ask({ given: 'Billy', family: 'Jones', postcode: 'ls74qq' }))[0]).toBe('P1');
    expect((await ask({ given: 'Kovalenko', family: 'Oleksandr', dob: '2014-02-11' }))[0]).toBe('P3');
    expect(await ask({ given: 'Nobody', family: 'Atall', dob: '2001-01-01' })).toEqual([]);
  });

  it('refuses too little to go on, impossible dates, other scripts and huge input with field messages', () => {
    const fields = (q: Record<string, string>) => {
      try {
        parseEnquiryQuery(q, '2026-03-02');
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).errors.map((e) => `${e.field}: ${e.message}`);
      }
    };
    expect(fields({ family: 'Smith' })).toEqual(['given: A family name alone matches too many people: add a given name or a date of birth']);
    expect(fields({ given: 'Ann' })).toEqual(['family: Enter a family name']);
    expect(fields({ given: 'Ann', family: 'Smith', dob: '2015-02-30' })[0]).toMatch(/^dob: /);
    expect(fields({ given: 'Ann', family: 'Smith', dob: '2027-01-01' })[0]).toMatch(/^dob: .*past/);
    expect(fields({ given: 'Олександр', family: 'Коваленко' })[0]).toMatch(/Latin letters/);
    expect(fields({ given: 'A'.repeat(200_000), family: 'Smith' })[0]).toMatch(/^given: /);
    expect(fields({ given: 'Ann\u0000', family: 'Smith\u0000' })).toEqual([]);
    expect(fields({ given: 'Ann', family: 'Smith', postcode: 'nowhere' })[0]).toMatch(/^postcode: /);
  });

  it('keeps keys up to date when people are added or move through the existing actions', async () => {
    const id = await createPerson(suite.db(), staff, {
      kind: 'child', unborn: false, givenNames: 'Peggy', familyName: 'Okafor', aliases: [], dateOfBirth: '2019-04-05', expectedDeliveryDate: null, sex: 'F',
      gender: null, ethnicity: null, firstLanguage: null, interpreterNeeded: false, disabilities: [], communicationNeeds: null, learningDisability: false,
      nationality: null, immigrationStatus: null, euSettlementStatus: null, gpName: null, gpPractice: null, laChildId: null,
    });
    await addAddress(suite.db(), staff, id, { line1: '9 New Road', line2: null, town: 'Leeds', postcode: 'LS9 9ZZ', fromDate: '2026-01-01', socialHousing: false });
    const result = await searchPeople(suite.db(), staff, { given: 'Margaret', family: 'Okafor', postcode: 'LS9 9ZZ' });
    expect(result.candidates[0]).toMatchObject({ id, address: '9 New Road, Leeds LS9 9ZZ', plan: { status: 'none' } });
    expect(result.candidates[0]!.match.reasons).toContain('nickname of Margaret');
    expect(result.strictFound).toBe(false);
    const shown = await suite.db().select().from(auditEvents).where(eq(auditEvents.action, 'person-shown-in-search'));
    expect(shown.map((a) => a.childId)).toContain(id);
  });

  it('checks and audits every candidate in the same few statements whether it finds one or several (issue 16)', async () => {
    const search = (q: Record<string, string>) => statementsOf(suite.db(), () => searchPeople(suite.db(), staff, q));
    const one = await search({ given: 'Oleksandr', family: 'Kovalenko', dob: '2014-02-11' });
    const several = await search({ given: 'William', family: 'McDonald', dob: '2016-07-03' });
    expect(several.result.candidates.length).toBeGreaterThan(one.result.candidates.length);
    expect(several.count).toBe(one.count);
  });

  it('lets only people who may see child records search', async () => {
    const enquirer = await createUser(suite.db(), { roles: ['auditor'] });
    await expect(searchPeople(suite.db(), { ...staff, actor: toActor(enquirer) }, { given: 'Ann', family: 'Smith' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/convene');

// As an outside check runs it: child processes on a PGlite data folder (the PostgreSQL path is the same code with DATABASE_URL).
describe('enquiry command line: the contract for outside checks', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-enquiry-'));
    env = { ...process.env, CONVENE_DATA_DIR: dir, DATABASE_URL: '' };
    fs.writeFileSync(path.join(dir, 'people.csv'), CSV);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports, is idempotent, answers one query and a batch in the exact shape, and refuses too little', async () => {
    const csv = path.join(dir, 'people.csv');
    const first = await run(BIN, ['register', 'import-people', csv, '--json'], { env });
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 4, unchanged: 0 });
    expect(first.stderr).toContain('line 5: dateOfBirth');
    const again = await run(BIN, ['register', 'import-people', csv, '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });

    const one = await run(BIN, ['enquiry', '--given', 'Bill', '--family', 'MacDonald', '--dob', '2016-07-03', '--json'], { env });
    const answer = JSON.parse(one.stdout) as { candidates: { personId: string; score: number; strength: string; reasons: string[] }[] };
    expect(Object.keys(answer)).toEqual(['candidates']);
    expect(Object.keys(answer.candidates[0]!)).toEqual(['personId', 'score', 'strength', 'reasons']);
    expect(answer.candidates[0]).toMatchObject({ personId: 'P1', strength: 'strong' });
    expect(answer.candidates.length).toBeLessThanOrEqual(10);

    const queries = path.join(dir, 'queries.jsonl');
    fs.writeFileSync(queries, ['{"given":"Sasha","family":"Kovalenko"}', '{"given":"x","family":"Nobody","dob":"2010-01-01"}', '{"given":"Muhammad","family":"Hussein","dob":"2012-11-05","postcode":"B1 1AA"}'].join('\n'));
    const batch = await run(BIN, ['enquiry', '--batch', queries, '--json'], { env });
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as { candidates: { personId: string }[] });
    expect(lines.map((l) => l.candidates[0]?.personId ?? null)).toEqual(['P3', null, 'P6']);

    // A parent's name reaches the matcher: one that is not recorded never counts against the child; a third is refused.
    const withParent = await run(BIN, ['enquiry', '--given', 'Bill', '--family', 'MacDonald', '--dob', '2016-07-03', '--parent', 'Anna Kowalska', '--json'], { env });
    expect((JSON.parse(withParent.stdout) as typeof answer).candidates[0]).toMatchObject({ personId: 'P1', strength: 'strong' });
    const threeParents = ['--parent', 'Anna Kowalska', '--parent', 'Jan Kowalski', '--parent', 'Eve Smith'];
    const tooMany = await run(BIN, ['enquiry', '--given', 'Bill', '--family', 'MacDonald', ...threeParents, '--json'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(tooMany).toMatchObject({ code: 2 });
    expect((tooMany as { stderr: string }).stderr).toMatch(/at most two parents/);

    const refused = await run(BIN, ['enquiry', '--family', 'Smith', '--json'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toMatch(/add a given name or a date of birth/);
  }, 600_000);
});
