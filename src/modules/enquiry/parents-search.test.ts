import { desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, relationships } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import { createPerson } from '../records/save-person.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { findCandidates, parseEnquiryQuery, searchPeople } from './search-people.js';

const now = new Date('2026-03-02T10:00:00Z');
const TODAY = '2026-03-02';

describeEachEngine('enquiry matching: parents’ names', (engine) => {
  const suite = suiteDatabase(engine);
  let staff: ActionContext;
  let ada: string;
  let namesake: string;
  const person = (kind: 'child' | 'adult', givenNames: string, familyName: string, dateOfBirth: string) =>
    createPerson(suite.db(), staff, {
      kind, unborn: false, givenNames, familyName, aliases: [], dateOfBirth, expectedDeliveryDate: null, sex: 'F',
      gender: null, ethnicity: null, firstLanguage: null, interpreterNeeded: false, disabilities: [], communicationNeeds: null, learningDisability: false,
      nationality: null, immigrationStatus: null, euSettlementStatus: null, gpName: null, gpPractice: null, laChildId: null,
    });

  beforeAll(async () => {
    const worker = await createUser(suite.db(), { roles: ['social-worker'] });
    staff = { actor: toActor(worker), requestId: 'test', address: '127.0.0.1', now };
    // Two children of one name, born a year apart; only one has her mother recorded, another has someone else as mother.
    ada = await person('child', 'Ada', 'Okafor', '2019-04-05');
    namesake = await person('child', 'Ada', 'Okafor', '2020-06-01');
    const mother = await person('adult', 'Margaret', 'Okafor', '1990-01-01');
    const otherMother = await person('adult', 'Grace', 'Okafor', '1988-01-01');
    const grandmother = await person('adult', 'Margaret', 'Okafor', '1960-01-01');
    await suite.db().insert(relationships).values([
      { childId: ada, personId: mother, type: 'mother', parentalResponsibility: true },
      { childId: namesake, personId: otherMother, type: 'mother', parentalResponsibility: true },
      // Only mothers, fathers and step-parents count as parents.
      { childId: namesake, personId: grandmother, type: 'grandparent' },
    ]);
  });

  it('ranks the child whose recorded mother the caller names first, saying so; without the parent the two score alike', async () => {
    const withMother = await findCandidates(suite.db(), parseEnquiryQuery({ given: 'Ada', family: 'Okafor', parents: [{ given: 'Peggy', family: 'Okafor' }] }, TODAY));
    expect(withMother.map((c) => c.id)).toEqual([ada, namesake]);
    // A parent's name is corroboration, but without a date of birth or an address not enough for strong.
    expect(withMother[0]!.match).toMatchObject({ strength: 'possible', strict: true });
    expect(withMother[0]!.match.reasons).toContain("mother's name matches");
    expect(withMother[1]!.match.strength).toBe('possible');
    expect(withMother[1]!.match.reasons).toContain('no recorded parent has the name given');
    expect(withMother[0]!.match.score).toBeGreaterThan(withMother[1]!.match.score);

    const without = await findCandidates(suite.db(), parseEnquiryQuery({ given: 'Ada', family: 'Okafor' }, TODAY));
    expect(without).toHaveLength(2);
    expect(without.map((c) => c.match.strength)).toEqual(['possible', 'possible']);
    expect(without[0]!.match.score).toBe(without[1]!.match.score);
  });

  it('finds the child through the parent named when the child’s own names were given wrong (the father’s family name), never as strong', async () => {
    const wrongNames = { given: 'Adah', family: 'Mensah' };
    expect(await findCandidates(suite.db(), parseEnquiryQuery(wrongNames, TODAY))).toEqual([]);
    const throughMother = await findCandidates(suite.db(), parseEnquiryQuery({ ...wrongNames, parents: [{ given: 'Margaret', family: 'Okafor' }] }, TODAY));
    expect(throughMother.map((c) => c.id)).toEqual([ada]);
    expect(throughMother[0]!.match.reasons).toContain("mother's name matches");
    expect(throughMother[0]!.match.strength).not.toBe('strong');
    // A grandmother of the same name is no parent: her grandchild is not found through her.
    expect(throughMother.map((c) => c.id)).not.toContain(namesake);
  });

  it('reads the candidates with their postcodes and parents in one statement and what is shown of the ranked in a second, never a query per candidate', async () => {
    let statements = 0;
    const db = suite.db();
    const counting = Object.create(db, { execute: { value: (...args: Parameters<typeof db.execute>) => (statements++, db.execute(...args)) } }) as typeof db;
    const found = await findCandidates(counting, parseEnquiryQuery({ given: 'Ada', family: 'Okafor', postcode: 'LS6 2AB', parents: [{ given: 'Margaret', family: 'Okafor' }] }, TODAY));
    // Both children found by their own keys and one through her mother too: each once, the mother's evidence read.
    expect(found.map((c) => c.id)).toEqual([ada, namesake]);
    expect(found[0]!.match.reasons).toContain("mother's name matches");
    expect(found[0]!.kind).toBe('child');
    expect(statements).toBe(2);
    statements = 0;
    expect(await findCandidates(counting, parseEnquiryQuery({ given: 'Zebedee', family: 'Quillfeather', parents: [{ given: 'Nobody', family: 'Known' }] }, TODAY))).toEqual([]);
    expect(statements).toBe(1);
  });

  it('keeps the parent’s name in the audit of a staff search', async () => {
    await searchPeople(suite.db(), staff, { given: 'Ada', family: 'Okafor', parents: [{ given: 'Margaret', family: '' }] });
    const [event] = await suite.db().select().from(auditEvents).where(eq(auditEvents.action, 'people-searched')).orderBy(desc(auditEvents.at)).limit(1);
    expect(event!.details).toMatchObject({ parents: [{ given: 'Margaret', family: '' }] });
  });

  it('refuses a parent’s name it cannot read, and more than two parents, naming the field', () => {
    const fields = (input: unknown) => {
      try {
        parseEnquiryQuery(input, TODAY);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).errors.map((e) => e.field);
      }
    };
    expect(fields({ given: 'Ada', family: 'Okafor', parents: [{ given: 'Маргарита', family: 'Okafor' }] })).toEqual(['parents.0.given']);
    const three = Array.from({ length: 3 }, () => ({ given: 'Ann', family: 'Okafor' }));
    expect(fields({ given: 'Ada', family: 'Okafor', parents: three })).toEqual(['parents']);
    expect(fields({ given: 'Ada', family: 'Okafor', parents: [{ given: '', family: '' }] })).toEqual([]);
    expect(parseEnquiryQuery({ given: 'Ada', family: 'Okafor', parents: [{ given: '', family: '' }] }, TODAY).parents).toEqual([]);
  });
});
