import { describe, expect, it } from 'vitest';
import { compareDob, dobBlockingKey, parseIsoDate } from './dates.js';
import { damerau, jaroWinkler } from './distance.js';
import { blockingKeys, parentBlockingKeys, queryBlockingKeys } from './keys.js';
import { givenNameForms } from './names.js';
import { familyForms, foldText, nameTokens, normalisePostcode, postcodeSector } from './normalise.js';
import { compareNameToken, rankCandidates, scoreCandidate, type MatchQuery, type MatchRecord, type TieBreak } from './score.js';
import { itAnswersEach } from '../../../test/support/answer-tables.js';

describe('normalisation', () => {
  it.each([
    ['Zoë', ['zoe']],
    ['  ÉLODIE  ', ['elodie']],
    ["O'Brien", ['obrien']],
    ['O’Neill', ['oneill']],
    ['Smith-Jones', ['smith', 'jones']],
    ['McDonald', ['macdonald']],
    ['Mc Donald', ['mc', 'donald']],
    ['Łukasz', ['lukasz']],
    ['Søren', ['soren']],
    ['Mary  Ann', ['mary', 'ann']],
    ['Олександр', []],
    ['abc\u0000def', ['abc', 'def']],
    ['', []],
  ])('%s → %j', (input, tokens) => {
    expect(nameTokens(input)).toEqual(tokens);
  });
  it('reads a double-barrelled family name whole and by part', () => {
    expect(familyForms('Smith-Jones')).toEqual({ whole: 'smithjones', tokens: ['smith', 'jones'] });
  });
  it('folds case and diacritics in free text', () => {
    expect(foldText('Renée  Dubois-Lefèvre')).toBe('renee dubois lefevre');
  });
  itAnswersEach('postcode %j → %j', normalisePostcode, [
    ['sw1a 1aa', 'SW1A1AA'],
    [' SW1A-1AA ', 'SW1A1AA'],
    ['', null],
    [null, null],
    ['-', null],
  ]);
  it('takes the sector of a postcode', () => {
    expect(postcodeSector('SW1A1AA')).toBe('SW1A 1');
    expect(postcodeSector('M11AE')).toBe('M1 1');
    expect(postcodeSector('M1')).toBeNull();
  });
});

describe('string distance', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
  ])('Jaro–Winkler %s/%s ≈ %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 2);
  });
  it.each([
    ['smith', 'smith', 0],
    ['smith', 'smtih', 1],
    ['smith', 'smyth', 1],
    ['smith', 'smithe', 1],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
  ])('Damerau %s/%s = %d', (a, b, expected) => {
    expect(damerau(a, b)).toBe(expected);
  });
});

describe('dates of birth', () => {
  const exact = (date: string) => ({ kind: 'exact' as const, date });
  it.each([
    ['2015-03-04', '2015-03-04', 'exact'],
    ['2015-04-03', '2015-03-04', 'day-month-swapped'],
    ['2015-03-14', '2015-03-04', 'one-digit'],
    ['2015-03-04', '2015-03-40', 'unknown'],
    ['2015-12-31', '2015-12-13', 'transposed-digits'],
    ['2016-03-04', '2015-03-04', 'one-digit'],
    ['2020-03-04', '2019-03-04', 'year-off-by-one'],
    ['2011-05-06', '2015-03-04', 'different'],
  ])('%s against %s on record: %s', (query, recorded, expected) => {
    expect(compareDob(exact(query), recorded)).toBe(expected);
  });
  it('an unknown date of birth is neither for nor against', () => {
    expect(compareDob(null, '2015-03-04')).toBe('unknown');
    expect(compareDob(exact('2015-03-04'), null)).toBe('unknown');
  });
  it('an approximate date agrees within its tolerance', () => {
    expect(compareDob({ kind: 'approximate', year: 2014, toleranceYears: 1 }, '2015-03-04')).toBe('within-approximate');
    expect(compareDob({ kind: 'approximate', year: 2012, toleranceYears: 1 }, '2015-03-04')).toBe('different');
  });
  it.each(['2015-02-30', '2015-13-01', '2015-00-10', '15-03-04', '2015-3-4', 'yesterday'])('%s is not a date', (value) => {
    expect(parseIsoDate(value)).toBeNull();
  });
  it('files a date and its day/month swap under one key', () => {
    expect(dobBlockingKey('2015-03-04')).toBe(dobBlockingKey('2015-04-03'));
    expect(dobBlockingKey('2015-03-04')).not.toBe(dobBlockingKey('2015-03-05'));
  });
});

describe('name tokens', () => {
  it.each([
    ['bill', 'william', 'given', 'nickname of William'],
    ['william', 'bill', 'given', 'nickname of William'],
    ['peggy', 'margaret', 'given', 'nickname of Margaret'],
    ['sasha', 'oleksandr', 'given', 'nickname of Oleksandr'],
    ['billy', 'will', 'given', 'nickname of William'],
    ['mohammed', 'muhammad', 'given', 'given name is a spelling of Muhammad'],
    ['hussein', 'hussain', 'family', 'family name is a spelling of Hussain'],
    ['aleksandr', 'oleksandr', 'given', 'given name is a spelling of Oleksandr'],
    ['smyth', 'smith', 'family', 'family name sounds alike'],
    ['stephens', 'stevens', 'family', 'family name sounds alike'],
    ['thompson', 'tomson', 'family', 'family name spelt similarly'],
    ['catherine', 'kathryn', 'given', 'given name sounds alike'],
    ['kowalczyk', 'kowalcyzk', 'family', 'family name spelt similarly'],
    ['j', 'james', 'given', 'initial of the given name matches'],
    ['oliver', 'harriet', 'given', 'given name differs'],
    ['smith', 'smith', 'family', 'family name matches'],
  ] as const)('%s against %s (%s): %s', (q, r, which, reason) => {
    expect(compareNameToken(q, r, which).reason).toBe(reason);
  });
  it('indexes a nickname under its formal names and a transliteration under its first spelling', () => {
    expect(givenNameForms('bill')).toEqual(['bill', 'william']);
    expect(givenNameForms('mohamed')).toEqual(['mohamed', 'muhammad']);
    expect(givenNameForms('sasha')).toContain('oleksandr');
  });
});

const person = (over: Partial<MatchRecord> = {}): MatchRecord => ({
  givenNames: 'William James',
  familyName: 'McDonald',
  aliases: [],
  dateOfBirth: '2016-07-03',
  postcodes: [
    { postcode: 'LS6 2AB', current: true },
    { postcode: 'LS7 4QQ', current: false },
  ],
  ...over,
});
const q = (over: Partial<MatchQuery> & { date?: string }): MatchQuery => {
  const { date, ...rest } = over;
  return { given: 'William', family: 'McDonald', dob: date === undefined ? { kind: 'exact', date: '2016-07-03' } : date ? { kind: 'exact', date } : null, ...rest };
};

describe('scoring one person against an enquiry', () => {
  it.each([
    ['exactly', q({}), 'strong', ['family name matches', 'given name matches', 'date of birth matches']],
    ['by nickname', q({ given: 'Bill' }), 'strong', ['nickname of William']],
    ['with Mac for Mc', q({ family: 'MacDonald' }), 'strong', ['family name matches']],
    ['with a family name that sounds alike', q({ family: 'McDonnald' }), 'strong', ['family name sounds alike']],
    ['in capitals with diacritics', q({ given: 'WÍLLIAM', family: 'MCDONALD' }), 'strong', ['given name matches']],
    ['with day and month swapped', q({ date: '2016-03-07' }), 'possible', ['date of birth with day and month swapped']],
    ['with day and month swapped at the current postcode', q({ date: '2016-03-07', postcode: 'ls62ab' }), 'strong', ['postcode matches the current address']],
    ['with a one-digit typo in the date of birth', q({ date: '2016-07-08' }), 'possible', ['date of birth differs by one digit']],
    ['with no date of birth', q({ date: '' }), 'possible', ['family name matches']],
    ['with no date of birth at the current address', q({ date: '', postcode: 'LS6 2AB' }), 'strong', ['postcode matches the current address']],
    ['at a previous postcode', q({ postcode: 'LS7 4QQ' }), 'strong', ['postcode matches a previous address']],
    ['with given and family names swapped', q({ given: 'McDonald', family: 'William' }), 'strong', ['given and family names swapped']],
    ['by a middle name', q({ given: 'James' }), 'strong', ['given name matches (a middle name)']],
  ] as const)('finds the child %s', (_label, query, strength, reasons) => {
    const result = scoreCandidate(query, person());
    expect(result.strength).toBe(strength);
    for (const reason of reasons) expect(result.reasons).toContain(reason);
  });

  it('finds a child by an alias or previous name', () => {
    const result = scoreCandidate(q({ given: 'Billy', family: 'Jones' }), person({ aliases: [{ givenNames: 'Billy', familyName: 'Jones' }] }));
    expect(result.strength).toBe('strong');
    expect(result.reasons).toContain('matches alias or previous name Billy Jones');
  });

  it('scores an exact match above every kind of near match', () => {
    const exact = scoreCandidate(q({}), person()).score;
    expect(exact).toBe(100);
    for (const near of [q({ given: 'Bill' }), q({ family: 'McDonnald' }), q({ date: '2016-03-07' }), q({ given: 'McDonald', family: 'William' })]) {
      expect(scoreCandidate(near, person()).score).toBeLessThan(exact);
    }
  });

  it('tells twins apart by given name: the other twin is weak, with the reason', () => {
    const twin = scoreCandidate(q({}), person({ givenNames: 'Harriet' }));
    expect(twin.strength).toBe('weak');
    expect(twin.reasons).toContain('same family name and date of birth: a twin or sibling?');
    expect(twin.score).toBeLessThan(scoreCandidate(q({}), person()).score);
  });

  it('marks as strict only a candidate whose every given field agrees as written', () => {
    expect(scoreCandidate(q({}), person()).strict).toBe(true);
    expect(scoreCandidate(q({ postcode: 'LS7 4QQ' }), person()).strict).toBe(true);
    expect(scoreCandidate(q({ given: 'Bill' }), person()).strict).toBe(false);
    expect(scoreCandidate(q({ date: '2016-03-07' }), person()).strict).toBe(false);
    expect(scoreCandidate(q({ given: 'McDonald', family: 'William' }), person()).strict).toBe(false);
    expect(scoreCandidate(q({ postcode: 'M1 1AE' }), person()).strict).toBe(false);
  });

  it('does not call a namesake with another date of birth strong', () => {
    const namesake = scoreCandidate(q({ date: '2012-01-20' }), person());
    expect(namesake.strength).toBe('weak');
    expect(namesake.reasons).toContain('date of birth differs');
  });

  it('does not call a near date of birth strong without a matching address', () => {
    expect(scoreCandidate(q({ date: '2016-07-08', postcode: 'M1 1AE' }), person()).strength).toBe('possible');
  });

  const make = (id: string, score: number, strength: 'strong' | 'possible' | 'weak', tie: Partial<TieBreak & { strict: boolean; identity: string }> = {}) => ({
    id,
    identity: tie.identity ?? '',
    match: { score, strength, reasons: [], strict: tie.strict ?? false, tieBreak: { evidence: tie.evidence ?? 0, closeness: tie.closeness ?? 0, daysApart: tie.daysApart ?? null } },
  });
  it('ranks strong first, then by score, at most the limit', () => {
    const ranked = rankCandidates([make('a', 60, 'possible'), make('b', 90, 'strong'), make('c', 10, 'weak'), make('d', 95, 'possible'), make('e', 40, 'weak')], 3);
    expect(ranked.map((r) => r.id)).toEqual(['b', 'd', 'a']);
  });

  // Candidates the score ties: the order must not depend on the (random) id, so it is the same on every engine.
  it.each([
    ['more evidence before the rounding', { evidence: 9.2 }, { evidence: 9.0 }],
    ['a strict match before a fuzzy one', { strict: true }, { strict: false }],
    ['names nearer to those typed', { closeness: 0.97 }, { closeness: 0.91 }],
    ['a date of birth nearer to the one given', { daysApart: 1 }, { daysApart: 30 }],
    ['a date of birth recorded before none', { daysApart: 400 }, { daysApart: null }],
    ['by identity (names, date of birth, reference) when all else is equal', { identity: 'Smith\u0000Amy' }, { identity: 'Smith\u0000Zoe' }],
  ])('breaks a tie of strength and score on %s, whichever id is smaller', (_label, first, second) => {
    for (const [idFirst, idSecond] of [['ffff', '0000'], ['0000', 'ffff']] as const) {
      const a = make(idFirst, 70, 'possible', first);
      const b = make(idSecond, 70, 'possible', second);
      expect(rankCandidates([b, a]).map((r) => r.id)).toEqual([idFirst, idSecond]);
      expect(rankCandidates([a, b]).map((r) => r.id)).toEqual([idFirst, idSecond]);
    }
  });

  it('orders the earlier measures before the later ones', () => {
    // More evidence wins over a nearer spelling; a nearer spelling over a nearer date.
    const ranked = rankCandidates([
      make('near-date', 70, 'possible', { evidence: 9, closeness: 0.9, daysApart: 0 }),
      make('near-name', 70, 'possible', { evidence: 9, closeness: 0.95, daysApart: 9 }),
      make('more-evidence', 70, 'possible', { evidence: 9.5, closeness: 0.5, daysApart: 99 }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['more-evidence', 'near-name', 'near-date']);
  });

  it('scores the tie-breaking measures: the typed spelling nearest, the date of birth apart', () => {
    const query: MatchQuery = { given: 'Jack', family: 'Smithe', dob: { kind: 'exact', date: '2016-07-03' } };
    const base = { givenNames: 'Jack', aliases: [], postcodes: [] };
    const smith = scoreCandidate(query, { ...base, familyName: 'Smith', dateOfBirth: '2016-07-03' });
    const smyth = scoreCandidate(query, { ...base, familyName: 'Smyth', dateOfBirth: '2016-07-03' });
    expect(smith.tieBreak.closeness).toBeGreaterThan(smyth.tieBreak.closeness);
    expect(smith.tieBreak.daysApart).toBe(0);
    expect(scoreCandidate(query, { ...base, familyName: 'Smith', dateOfBirth: '2016-03-07' }).tieBreak.daysApart).toBe(118);
    expect(scoreCandidate({ ...query, dob: null }, { ...base, familyName: 'Smith', dateOfBirth: '2016-03-07' }).tieBreak.daysApart).toBeNull();
    const ranked = rankCandidates([{ id: '0', match: smyth }, { id: 'f', match: smith }]);
    expect(ranked.map((r) => r.id)).toEqual(['f', '0']);
  });
});

describe('blocking keys', () => {
  const record = { names: [{ givenNames: 'William James', familyName: 'McDonald' }], dateOfBirth: '2016-07-03', postcodes: ['LS6 2AB', 'LS7 4QQ'] };
  const shares = (query: Parameters<typeof queryBlockingKeys>[0]) => {
    const keys = new Set(blockingKeys(record));
    return queryBlockingKeys(query).some((k) => keys.has(k));
  };
  it.each([
    ['exact', { given: 'William', family: 'McDonald', dob: '2016-07-03' }],
    ['nickname, no date', { given: 'Bill', family: 'MacDonald' }],
    ['given name unrecognisable', { given: 'Xavier', family: 'McDonald', dob: '2016-07-03' }],
    ['family name changed', { given: 'William', family: 'Okafor', dob: '2016-03-07' }],
    ['names swapped', { given: 'McDonald', family: 'William' }],
    ['date of birth wrong, given name misspelt', { given: 'Wiliam', family: 'McDonald', dob: '2001-01-01' }],
    ['family name misspelt, no date', { given: 'William', family: 'Mcdonnald' }],
    ['only the family name and a previous postcode', { given: 'Zed', family: 'McDonald', postcode: 'ls7 4qq' }],
    ['middle name', { given: 'James', family: 'McDonald' }],
  ])('an enquiry shares a key with the person: %s', (_label, query) => {
    expect(shares(query)).toBe(true);
  });
  it('an enquiry about someone else shares none', () => {
    expect(shares({ given: 'Harriet', family: 'Okafor', dob: '2010-01-02' })).toBe(false);
  });
  it('produces a bounded, de-duplicated set of keys', () => {
    const keys = blockingKeys(record);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThan(40);
  });
  it('produces no keys from names with no letters it can read', () => {
    expect(queryBlockingKeys({ given: 'Олександр', family: '李' })).toEqual([]);
  });
});

describe('parent blocking keys', () => {
  const mother = new Set(blockingKeys({ names: [{ givenNames: 'Margaret', familyName: 'Okonkwo' }], dateOfBirth: '1988-02-01', postcodes: ['M14 5RT'] }));
  const finds = (parents: { given: string; family: string }[], postcode?: string) => parentBlockingKeys(parents, postcode).some((k) => mother.has(k));
  it.each([
    ['her name', [{ given: 'Margaret', family: 'Okonkwo' }]],
    ['a nickname and a misspelling', [{ given: 'Peggy', family: 'Okonkow' }]],
    ['the second parent given', [{ given: 'John', family: 'Smith' }, { given: 'Margaret', family: 'Okonkwo' }]],
    ['names swapped', [{ given: 'Okonkwo', family: 'Margaret' }]],
  ])('finds the parent by %s', (_label, parents) => {
    expect(finds(parents)).toBe(true);
  });
  it('finds her by the family name and postcode when the given name is unknown to her record', () => {
    expect(finds([{ given: 'Zed', family: 'Okonkwo' }], 'm145rt')).toBe(true);
  });
  it('does not find her by someone else, by half a name, or with nothing given', () => {
    expect(finds([{ given: 'Harriet', family: 'Smith' }])).toBe(false);
    expect(parentBlockingKeys([{ given: '', family: 'Okonkwo' }], 'M14 5RT')).toEqual([]);
    expect(parentBlockingKeys([])).toEqual([]);
  });
  it('carries no date key: a parent is never asked for by date of birth', () => {
    expect(parentBlockingKeys([{ given: 'Margaret', family: 'Okonkwo' }]).some((k) => k.startsWith('f:') || k.startsWith('g:'))).toBe(false);
  });
});
