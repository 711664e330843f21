/**
 * A seeded synthetic population for the enquiry matcher and its bench: households sharing a
 * family name and an address, aliases and previous names, moves (a previous postcode), twins,
 * and about 1 child in 200 on a plan. Every person is invented: names are drawn at random from
 * common forenames and surnames, dates of birth at random, postcodes in the unused ZZ area.
 * The same seed always gives the same people, so the bench can label its queries.
 */
import type { CsvRecord } from '../enquiry/csv.js';
import { IMPORT_HEADER } from '../enquiry/import-people.js';
import { epochDayOf, isoDateOf } from '../../domain/calendar/epoch-day.js';

export const GIVEN_NAMES = [
  'William', 'Margaret', 'Alexander', 'Oleksandr', 'Muhammad', 'Mohammed', 'Elizabeth', 'James', 'Robert', 'Richard', 'Katherine', 'Catherine', 'Thomas',
  'Oliver', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Jack', 'Harry', 'George', 'Noah', 'Charlie', 'Jacob', 'Alfie', 'Freddie', 'Oscar', 'Leo', 'Archie', 'Henry',
  'Joshua', 'Samuel', 'Daniel', 'Benjamin', 'Joseph', 'Edward', 'Michael', 'David', 'Christopher', 'Matthew', 'Andrew', 'Anthony', 'Nicholas', 'Patrick',
  'Emily', 'Isabella', 'Mia', 'Poppy', 'Ella', 'Lily', 'Sophie', 'Grace', 'Evie', 'Chloé', 'Zoë', 'Jessica', 'Rebecca', 'Abigail', 'Victoria', 'Charlotte',
  'Jennifer', 'Susan', 'Eleanor', 'Frances', 'Matilda', 'Rosemary', 'Hannah', 'Ruby', 'Freya', 'Phoebe', 'Aisha', 'Fatima', 'Yusuf', 'Ibrahim', 'Ahmed',
  'Ali', 'Hussain', 'Zainab', 'Maryam', 'Amir', 'Hamza', 'Omar', 'Bilal', 'Priya', 'Anjali', 'Arjun', 'Rohan', 'Ravi', 'Kiran', 'Dmytro', 'Volodymyr',
  'Olena', 'Kateryna', 'Tetiana', 'Andriy', 'Mykola', 'Yuriy', 'Piotr', 'Łukasz', 'Zofia', 'Agnieszka', 'Mateusz', 'Kacper', 'Wiktoria', 'Chidi', 'Ngozi',
  'Oluwaseun', 'Adebayo', 'Folake', 'Kwame', 'Ama', 'Kofi', 'Siobhan', 'Niamh', 'Aoife', 'Ciarán', 'Seán', 'Eoin', 'Mei', 'Wei', 'Jun', 'Hiroshi',
  'Yuki', 'Renée', 'Élodie', 'François', 'Søren', 'Ingrid', 'Lars', 'Giulia', 'Marco', 'Lucia', 'Mateo', 'Sofia', 'Diego', 'Camila', 'Ana', 'João',
  'Layla', 'Noor', 'Sara', 'Leah', 'Ethan', 'Mason', 'Logan', 'Lucas', 'Dylan', 'Tyler', 'Jayden', 'Riley', 'Harper', 'Scarlett', 'Ivy', 'Willow',
];

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker',
  'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
  'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price',
  'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox',
  'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers',
  'Gray', 'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell',
  'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Graham', 'Pearson', 'Ahmed', 'Fletcher', 'Walsh', 'Kaur', 'Gibson', 'Howard',
  'Andrews', 'Stewart', 'Ford', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Pearce', 'Day', 'Brooks', 'West', 'Lawrence', 'Cole', 'Atkinson', 'Bradley',
  'Spencer', 'Gill', 'Dawson', 'Ball', 'Burton', "O'Brien", 'Watts', 'Rose', 'Booth', 'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees',
  'Hayes', 'Hart', 'Hudson', 'Newman', 'Barrett', 'Kennedy', 'Robertson', 'Lucas', 'Chaudhry', 'McDonald', 'MacLeod', 'McKenzie', 'Kowalski', 'Nowak',
  'Wiśniewski', 'Kovalenko', 'Shevchenko', 'Bondarenko', 'Melnyk', 'Okafor', 'Adeyemi', 'Mensah', 'Nguyen', 'Zhang', 'Wang', 'Tanaka', 'Rossi',
  'García', 'Fernández', 'Müller', 'Schmidt', 'Dubois', 'Smith-Jones', 'Taylor-Brown', 'Ahmed-Khan', 'Yilmaz', 'Mohamud', 'Osei', 'Doherty', 'Quinn',
  'Byrne', 'Gallagher', 'Duffy', 'Rahman', 'Islam', 'Uddin', 'Miah', 'Sharma', 'Kumar', 'Mistry', 'Shah', 'Mahmood', 'Iqbal', 'Hossain', 'Abdi',
];

/** mulberry32: a small, fast, seeded PRNG (not for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  personId: string;
  givenNames: string;
  familyName: string;
  aliases: { givenNames: string; familyName: string }[];
  dateOfBirth: string;
  sex: 'M' | 'F';
  address: string;
  postcode: string;
  previousPostcode: string | null;
  onPlan: boolean;
  child: boolean;
  /** The personId of this child's twin, if any. */
  twinOf: string | null;
  /**
   * A child's parents: the household's adults, recorded as mother, father or (for a second adult
   * with another family name, now and then) step-parent; empty for an adult. Not in the import CSV,
   * whose contract has no parents: the bulk loader writes them as relationships.
   */
  parents: { personId: string; relation: 'mother' | 'father' | 'step-parent' }[];
}

const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function isoDaysAgo(today: string, days: number): string {
  const [year, month, day] = today.split('-').map(Number);
  return isoDateOf(epochDayOf(year!, month!, day!) - days);
}

/**
 * People in households until `count` are made. `planRate` is the chance a household's children are
 * on plans, set so about 1 child in 200 is (children are about 45% of people).
 */
export function* syntheticPeople(options: { count: number; seed: number; today: string; idPrefix?: string; planRate?: number }): Generator<SyntheticPerson> {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const prefix = options.idPrefix ?? `S${options.seed}-`;
  const planRate = options.planRate ?? 0.0065;
  const postcode = () => `ZZ${int(1, 99)} ${int(1, 9)}${LETTERS[int(0, LETTERS.length - 1)]}${LETTERS[int(0, LETTERS.length - 1)]}`;
  let made = 0;
  while (made < options.count) {
    const family = pick(FAMILY_NAMES);
    const here = postcode();
    const address = `${int(1, 240)} ${pick(['High Street', 'Church Road', 'Mill Lane', 'Station Road', 'Park Avenue', 'Victoria Road', 'Green Lane'])}`;
    const moved = random() < 0.25 ? postcode() : null;
    const onPlan = random() < planRate;
    const adults = random() < 0.6 ? 2 : 1;
    const children = int(1, 4);
    const twins = children >= 2 && random() < 0.03;
    const parents: SyntheticPerson['parents'] = [];
    let firstSex: 'M' | 'F' = 'F';
    for (let a = 0; a < adults && made < options.count; a++) {
      const otherName = a === 1 && random() < 0.3;
      const given = pick(GIVEN_NAMES);
      const personId = `${prefix}${made++}`;
      const drawn: 'M' | 'F' = random() < 0.5 ? 'F' : 'M';
      // A second adult is of the other sex, so a household has at most one mother and one father.
      const sex: 'M' | 'F' = a === 0 ? drawn : firstSex === 'F' ? 'M' : 'F';
      if (a === 0) firstSex = sex;
      parents.push({ personId, relation: otherName && drawn === 'F' ? 'step-parent' : sex === 'F' ? 'mother' : 'father' });
      yield {
        personId, givenNames: given, familyName: otherName ? pick(FAMILY_NAMES) : family,
        // A previous family name (before marriage, say).
        aliases: !otherName && a === 0 && random() < 0.15 ? [{ givenNames: given, familyName: pick(FAMILY_NAMES) }] : [],
        dateOfBirth: isoDaysAgo(options.today, int(19 * 365, 60 * 365)), sex, address, postcode: here,
        previousPostcode: moved, onPlan: false, child: false, twinOf: null, parents: [],
      };
    }
    let twinDob: string | null = null;
    let twinId: string | null = null;
    for (let c = 0; c < children && made < options.count; c++) {
      const isTwin = twins && c === 1;
      const dob: string = isTwin && twinDob ? twinDob : isoDaysAgo(options.today, int(0, 17 * 365 + 300));
      const given = pick(GIVEN_NAMES);
      const id = `${prefix}${made++}`;
      const aliases = random() < 0.05 ? [{ givenNames: random() < 0.5 ? pick(GIVEN_NAMES) : given, familyName: pick(FAMILY_NAMES) }] : [];
      yield {
        personId: id, givenNames: random() < 0.2 ? `${given} ${pick(GIVEN_NAMES)}` : given, familyName: family, aliases,
        dateOfBirth: dob, sex: random() < 0.5 ? 'F' : 'M', address, postcode: here, previousPostcode: moved, onPlan, child: true,
        twinOf: isTwin ? twinId : null, parents,
      };
      if (c === 0) {
        twinDob = dob;
        twinId = id;
      }
    }
  }
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The import CSV line of a synthetic person (header: IMPORT_HEADER). */
export function toCsvFields(p: SyntheticPerson): string[] {
  const aliases = p.aliases.map((a) => `${a.givenNames} ${a.familyName}`.trim()).join(';');
  return [p.personId, p.givenNames, p.familyName, aliases, p.dateOfBirth, p.sex, p.address, p.postcode, p.previousPostcode ?? '', p.onPlan ? '1' : '0'];
}

export function toCsvLine(p: SyntheticPerson): string {
  return toCsvFields(p).map(csvField).join(',');
}

/** The population as import records (header first), for `importPeople` without a file in between. */
export async function* syntheticRecords(options: { count: number; seed: number; today: string; planRate?: number }): AsyncGenerator<CsvRecord> {
  yield { line: 1, fields: [...IMPORT_HEADER] };
  let line = 2;
  for (const p of syntheticPeople(options)) yield { line: line++, fields: toCsvFields(p) };
}
