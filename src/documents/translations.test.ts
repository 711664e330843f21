import { describe, expect, it } from 'vitest';
import { familyLanguageOf, translationFiles, translator } from './family-language.js';

/**
 * Issue 14: every language file says everything English says, with the same record fields
 * interpolated, and the plural forms its own language needs. An authority that adds `xx.json`
 * runs this test and is told each key it is missing and each placeholder it dropped or invented.
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [key, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  }
  return out;
}

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))].sort();

/** What a translation file lacks or gets wrong against English, in words an authority can act on. */
export function translationProblems(code: string, english: Record<string, unknown>, other: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const en = leaves(english);
  const xx = leaves(other);
  const locale = (other._language as { locale?: string } | undefined)?.locale ?? code;
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const bases = new Map<string, Set<string>>();
  for (const [key, text] of en) {
    if (key.startsWith('_language.')) continue;
    const base = key.replace(PLURAL, '');
    if (base !== key) {
      const set = bases.get(base) ?? new Set<string>();
      for (const p of placeholders(text)) set.add(p);
      bases.set(base, set);
      continue;
    }
    const mine = xx.get(key);
    if (mine === undefined) problems.push(`${code}.json: missing "${key}"`);
    else if (placeholders(mine).join() !== placeholders(text).join()) {
      problems.push(`${code}.json: "${key}" has placeholders {${placeholders(mine).join(', ')}}, English has {${placeholders(text).join(', ')}}`);
    }
  }
  for (const [base, expected] of bases) {
    for (const category of categories) {
      const mine = xx.get(`${base}_${category}`);
      if (mine === undefined) {
        problems.push(`${code}.json: missing "${base}_${category}" (${locale} needs the plural form "${category}")`);
        continue;
      }
      // A plural form may leave the number out ("raz w tygodniu"), but never print a field English does not have.
      const extra = placeholders(mine).filter((p) => !expected.has(p));
      const missing = [...expected].filter((p) => p !== 'count' && !placeholders(mine).includes(p));
      if (extra.length || missing.length) problems.push(`${code}.json: "${base}_${category}" placeholders differ from English (extra: ${extra.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`);
    }
  }
  for (const key of xx.keys()) {
    if (key.startsWith('_language.')) continue;
    if (!en.has(key) && !bases.has(key.replace(PLURAL, ''))) problems.push(`${code}.json: "${key}" is not in en.json (a typo, or a key English lost)`);
  }
  for (const field of ['code', 'locale', 'ownName'] as const) {
    if (typeof (other._language as Record<string, unknown> | undefined)?.[field] !== 'string') problems.push(`${code}.json: "_language.${field}" is missing`);
  }
  if (!Array.isArray((other._language as { names?: unknown } | undefined)?.names)) problems.push(`${code}.json: "_language.names" (what a record may call the language) is missing`);
  return problems;
}

describe('the family documents’ translation files (issue 14)', () => {
  const files = translationFiles();
  const english = files.get('en')!;

  it('has English and Polish', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(['en', 'pl']));
  });

  it.each([...files.keys()].filter((c) => c !== 'en'))('%s.json has every English key, the same placeholders and its own plural forms', (code) => {
    expect(translationProblems(code, english, files.get(code)!)).toEqual([]);
  });

  it('tells an authority what a new file lacks: a key, a placeholder, a plural form, a stray key', () => {
    const xx = structuredClone(files.get('pl')!) as Record<string, Record<string, string>>;
    delete xx.invitation!.marking;
    xx.invitation!.footer = 'Prywatne.';
    xx.invitation!.title = 'Zaproszenie na {{conference}} {{child}}';
    delete xx.invitation!.howLongHours_many;
    xx.invitation!.typo = 'x';
    expect(translationProblems('xx', english, xx)).toEqual([
      'xx.json: "invitation.title" has placeholders {child, conference}, English has {conference}',
      'xx.json: missing "invitation.marking"',
      'xx.json: "invitation.footer" has placeholders {}, English has {authority}',
      'xx.json: missing "invitation.howLongHours_many" (pl-PL needs the plural form "many")',
      'xx.json: "invitation.typo" is not in en.json (a typo, or a key English lost)',
    ]);
  });

  it('prints Polish plurals and dates as Polish writes them, and nothing on stdout', () => {
    const pl = translator('pl');
    expect(pl.t('decisions.plan.visitsEvery', { count: 1 })).toBe('Co najmniej raz w tygodniu');
    expect(pl.t('decisions.plan.visitsEvery', { count: 3 })).toBe('Co najmniej raz na 3 tygodnie');
    expect(pl.t('decisions.plan.visitsEvery', { count: 6 })).toBe('Co najmniej raz na 6 tygodni');
    expect(pl.day('2026-03-02')).toBe('poniedziałek, 2 marca 2026');
    expect(pl.when(new Date('2026-06-15T09:00:00Z'))).toBe('poniedziałek, 15 czerwca 2026, godz. 10:00');
    expect(translator('en').when(new Date('2026-06-15T09:00:00Z'))).toBe('Monday 15 June 2026 at 10:00');
  });

  it('finds the language from the record: a translation, English with an interpreter, or English', () => {
    expect(familyLanguageOf({ firstLanguage: 'Polish', interpreterNeeded: true })).toEqual({ kind: 'translated', code: 'pl', name: 'Polish' });
    expect(familyLanguageOf({ firstLanguage: 'polski', needsTranslation: true })).toEqual({ kind: 'translated', code: 'pl', name: 'polski' });
    expect(familyLanguageOf({ firstLanguage: 'Tigrinya', interpreterNeeded: true })).toEqual({ kind: 'untranslated', name: 'Tigrinya' });
    // Polish first, but reads English: no interpreter or translation recorded.
    expect(familyLanguageOf({ firstLanguage: 'Polish', interpreterNeeded: false })).toEqual({ kind: 'english' });
    expect(familyLanguageOf({ firstLanguage: 'English', interpreterNeeded: true })).toEqual({ kind: 'english' });
    expect(familyLanguageOf({ firstLanguage: null })).toEqual({ kind: 'english' });
  });
});
