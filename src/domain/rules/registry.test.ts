import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { effectiveParameter } from '../packs/index.js';
import { PACK_IDS } from '../packs/pack-id.js';
import { getRule, RULE_AREAS, RULES, rulesForPack, toJson } from './registry.js';
import { perPack } from './rule-entry.js';
import { PROCEDURE_FILES } from './sources.js';
import { parseTestReference, TEST_NAME_SEPARATOR } from './test-reference.js';

const REPO = process.cwd();
const SPEC = path.resolve(REPO, '../shared/spec/RULES.md');
const PROCEDURES = path.resolve(REPO, '../shared/procedures');

/** Rule ids as the first cell of a table row in RULES.md (`| TS1 | …`). */
function idsInCatalogue(markdown: string): string[] {
  return [...markdown.matchAll(/^\|\s*([A-Z]{2}\d+)\s*\|/gm)].map((match) => match[1] ?? '');
}

/**
 * Matchers for every test a file declares, by full vitest name ('describe > it') and by its
 * own title. A literal title must match exactly. A title built from a template (directly or
 * through a `const` it names, as table-driven tests do) matches with each `${…}` standing for
 * any text, so the reference is the name vitest prints for one row of the table; renaming the
 * template's words still breaks it. `.each` tables are not followed.
 */
function declaredTests(fileName: string, source: string): { has(name: string): boolean } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const templates = new Map<string, ts.Expression[]>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      templates.set(node.name.text, [...(templates.get(node.name.text) ?? []), node.initializer]);
    }
    ts.forEachChild(node, collect);
  };
  collect(file);

  const titlePattern = (arg: ts.Expression | undefined): string | undefined => {
    if (!arg) return undefined;
    if (ts.isStringLiteralLike(arg)) return escapeRegExp(arg.text);
    if (ts.isTemplateExpression(arg)) {
      return escapeRegExp(arg.head.text) + arg.templateSpans.map((span) => `.*${escapeRegExp(span.literal.text)}`).join('');
    }
    if (ts.isIdentifier(arg)) {
      const declared = templates.get(arg.text);
      return declared?.length === 1 ? titlePattern(declared[0]) : undefined;
    }
    return undefined;
  };

  const patterns: RegExp[] = [];
  const visit = (node: ts.Node, suites: readonly string[]): void => {
    if (ts.isCallExpression(node)) {
      const kind = calleeKind(node.expression);
      const title = titlePattern(node.arguments[0]);
      if (kind === 'describe' && title !== undefined) {
        node.arguments.slice(1).forEach((arg) => visit(arg, [...suites, title]));
        return;
      }
      if (kind === 'test' && title !== undefined) {
        patterns.push(new RegExp(`^${[...suites, title].join(escapeRegExp(TEST_NAME_SEPARATOR))}$`));
        patterns.push(new RegExp(`^${title}$`));
      }
    }
    ts.forEachChild(node, (child) => visit(child, suites));
  };
  visit(file, []);
  return { has: (name) => patterns.some((pattern) => pattern.test(name)) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** describe / it / test, with modifiers such as `.only` or `.concurrent`; `.each` tables excluded. */
function calleeKind(callee: ts.Expression): 'describe' | 'test' | undefined {
  let root = callee;
  while (ts.isPropertyAccessExpression(root)) {
    if (root.name.text === 'each') return undefined;
    root = root.expression;
  }
  if (!ts.isIdentifier(root)) return undefined;
  if (root.text === 'describe') return 'describe';
  return root.text === 'it' || root.text === 'test' ? 'test' : undefined;
}

/** True when the locator's section, paragraph or standard numbers appear as headings in the file. */
function locatorFound(code: string, locator: string, text: string): boolean {
  const lines = text.split('\n').map((line) => line.replace(/^\s*-\s*/, '').trim());
  const startsWith = (prefix: string): boolean => lines.some((line) => line.startsWith(prefix));
  if (code === '000') {
    const section = /^§ (\d+) /.exec(locator)?.[1];
    if (section !== undefined) return startsWith(`${section}. `);
    const appendix = /^(Appendix \d+)/.exec(locator)?.[1];
    return appendix === undefined || startsWith(`${appendix}:`);
  }
  if (code === '002' || code === '004') {
    const standards = [...locator.matchAll(/Standard (\d+)/g)].map((m) => `Standard ${m[1]}:`);
    const paragraphs = [...locator.replace(/Standard \d+/g, '').matchAll(/\b(\d+\.\d+(?:\.\d+)?)\b/g)].map(
      (m) => m[1] ?? '',
    );
    return standards.every(startsWith) && paragraphs.every((p) => startsWith(`${p} `) || startsWith(`${p}. `));
  }
  return true;
}

describe('declaredTests (the check behind test references)', () => {
  const source = [
    "describe('ICPC due date', () => {",
    "  it('counts 15 working days', () => {});",
    "  describe.skip('bank holidays', () => { test(`skips Boxing Day`, () => {}); });",
    '});',
    "it.each([1, 2])('case %s', () => {});",
    "describe('table', () => {",
    "  for (const [ruleId, due] of rows) {",
    "    const label = `${ruleId} in national → ${due}`;",
    '    it(label, () => {});',
    '  }',
    "  it(`${'TS2'} (review)`, () => {});",
    '});',
  ].join('\n');
  const tests = declaredTests('x.test.ts', source);

  it('finds nested tests by full name and by their own title', () => {
    expect(tests.has('ICPC due date > counts 15 working days')).toBe(true);
    expect(tests.has('ICPC due date > bank holidays > skips Boxing Day')).toBe(true);
    expect(tests.has('skips Boxing Day')).toBe(true);
  });

  it('no longer finds a test once it is renamed', () => {
    const renamed = declaredTests('x.test.ts', source.replace('counts 15 working days', 'counts fifteen'));
    expect(renamed.has('ICPC due date > counts 15 working days')).toBe(false);
    expect(renamed.has('counts 15 working days')).toBe(false);
  });

  it('does not take describe titles, parts of titles or .each tables for tests', () => {
    expect(tests.has('ICPC due date')).toBe(false);
    expect(tests.has('ICPC due date > counts 15 working')).toBe(false);
    expect(tests.has('case %s')).toBe(false);
    expect(tests.has('case 1')).toBe(false);
  });

  it('finds a table row by the name vitest gives it, through the const that builds the title', () => {
    expect(tests.has('table > TS7 in national → 2027-12-02')).toBe(true);
    expect(tests.has('table > TS2 (review)')).toBe(true);
    expect(tests.has('table > TS7 in newcastle → 2027-12-02')).toBe(false);
    const renamed = declaredTests('x.test.ts', source.replace('in national →', 'for national →'));
    expect(renamed.has('table > TS7 in national → 2027-12-02')).toBe(false);
  });
});

describe('rule registry against RULES.md', () => {
  const catalogue = idsInCatalogue(readFileSync(SPEC, 'utf8'));
  const registered = RULES.map((rule) => rule.id);

  it('reads a full catalogue from RULES.md', () => {
    expect(catalogue.length).toBeGreaterThan(100);
    expect(new Set(catalogue).size).toBe(catalogue.length);
  });

  it('registers every rule id RULES.md lists', () => {
    expect(catalogue.filter((id) => !registered.includes(id))).toEqual([]);
  });

  it('registers no id that RULES.md lacks', () => {
    expect(registered.filter((id) => !catalogue.includes(id))).toEqual([]);
  });

  it('registers each id once', () => {
    expect(registered.filter((id, index) => registered.indexOf(id) !== index)).toEqual([]);
  });
});

describe('rules a person must judge (issue 13)', () => {
  it('every prompted or recorded rule states why a person must judge it', () => {
    const unexplained = RULES.filter((rule) => (rule.kind === 'prompted' || rule.kind === 'recorded') && (rule.judgement ?? '').trim().length < 40);
    expect(unexplained.map((rule) => rule.id)).toEqual([]);
  });
  it('the JSON served by `convene rules --json` carries the judgement', () => {
    const dc2 = toJson().find((rule) => rule.id === 'DC2');
    expect(dc2?.kind).toBe('recorded');
    expect(dc2?.judgement).toMatch(/judgement/);
  });
  it('a rule the system enforces is not also said to need a person’s judgement', () => {
    expect(RULES.filter((rule) => rule.kind === 'enforced' && rule.judgement !== null).map((rule) => rule.id)).toEqual([]);
  });
});

describe('rule entries', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s is well formed', (id, rule) => {
    expect(id.startsWith(rule.area)).toBe(true);
    expect(rule.areaTitle).toBe(RULE_AREAS[rule.area]);
    expect(rule.title.length).toBeGreaterThan(0);
    expect(rule.summary.length).toBeGreaterThan(rule.title.length);
    expect(rule.kind === 'indicator').toBe(rule.area === 'KP');
    expect(Object.keys(rule.parameters).sort()).toEqual([...PACK_IDS].sort());
    expect(rule.appliesTo.length).toBeGreaterThan(0);
    for (const pack of PACK_IDS.filter((p) => !rule.appliesTo.includes(p))) {
      expect(rule.parameters[pack]).toBeNull();
    }
    expect(rule.status === 'implemented').toBe(rule.tests.length > 0);
  });

  it('every entry cites at least one procedure section that exists', () => {
    const files = Object.entries(PROCEDURE_FILES);
    const problems: string[] = [];
    for (const rule of RULES) {
      if (rule.sources.length === 0) problems.push(`${rule.id}: no source`);
      for (const source of rule.sources) {
        const match = files.find(([, file]) => source.startsWith(`${file} `));
        if (!match) {
          problems.push(`${rule.id}: unknown file in "${source}"`);
          continue;
        }
        const [code, file] = match;
        const fullPath = path.join(PROCEDURES, file);
        if (!existsSync(fullPath)) {
          problems.push(`${rule.id}: missing file ${file}`);
          continue;
        }
        const locator = source.slice(file.length + 1).replace(/^§ (?=\d+\.\d)/, '');
        if (!locatorFound(code, locator, readFileSync(fullPath, 'utf8'))) {
          problems.push(`${rule.id}: section not found in "${source}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every test reference names a test that exists, and every implemented rule has one', () => {
    const problems: string[] = [];
    const cache = new Map<string, ReturnType<typeof declaredTests>>();
    for (const rule of RULES) {
      if (rule.status === 'implemented' && rule.tests.length === 0) problems.push(`${rule.id}: no tests`);
      for (const reference of rule.tests) {
        const parsed = parseTestReference(reference);
        if (!parsed) {
          problems.push(`${rule.id}: malformed "${reference}"`);
          continue;
        }
        const fullPath = path.resolve(REPO, parsed.file);
        if (!existsSync(fullPath)) {
          problems.push(`${rule.id}: no file ${parsed.file}`);
          continue;
        }
        const declared = cache.get(fullPath) ?? declaredTests(fullPath, readFileSync(fullPath, 'utf8'));
        cache.set(fullPath, declared);
        if (!declared.has(parsed.name)) problems.push(`${rule.id}: no test "${parsed.name}" in ${parsed.file}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('timescale parameters are exactly what the packs give', () => {
    for (const rule of RULES.filter((r) => r.area === 'TS')) {
      for (const pack of PACK_IDS) {
        expect(rule.parameters[pack], `${rule.id} in ${pack}`).toEqual(effectiveParameter(pack, rule.id));
      }
      expect(rule.appliesTo).toEqual(PACK_IDS.filter((pack) => effectiveParameter(pack, rule.id) !== null));
    }
  });
});

describe('pack parameters of the other rules', () => {
  it('a silent pack inherits national, and a pack the rule does not apply in gets null', () => {
    const filled = perPack({ national: 'N', 'pan-dorset': 'P' }, ['national', 'pan-dorset', 'newcastle']);
    expect(filled).toEqual({
      national: 'N',
      hertfordshire: null,
      staffordshire: null,
      'pan-dorset': 'P',
      nottinghamshire: null,
      newcastle: 'N',
    });
  });

  it('holds the differences RULES.md states', () => {
    expect(getRule('DC4')?.parameters.hertfordshire).toEqual({ categoriesPerChild: 'one' });
    expect(getRule('DC4')?.parameters['pan-dorset']).toEqual({ categoriesPerChild: 'one or more' });
    expect(getRule('DC2')?.parameters['pan-dorset']).toEqual({ viewsGivenBy: 'each agency, one view' });
    expect(getRule('DC2')?.parameters.newcastle).toEqual({ viewsGivenBy: 'each practitioner' });
    expect(getRule('CF2')?.appliesTo).toEqual(['hertfordshire']);
    expect(getRule('IN1')?.parameters.nottinghamshire).not.toBeNull();
    expect(getRule('IN1')?.parameters.hertfordshire).toBeNull();
  });
});

describe('registry queries', () => {
  it('getRule finds by id and returns undefined for an unknown id', () => {
    expect(getRule('TS1')?.areaTitle).toBe('Statutory timescales');
    expect(getRule('ZZ9')).toBeUndefined();
  });

  it('rulesForPack leaves out rules that exist only in other packs', () => {
    const hertfordshire = rulesForPack('hertfordshire').map((rule) => rule.id);
    const dorset = rulesForPack('pan-dorset').map((rule) => rule.id);
    expect(hertfordshire).toContain('CF2');
    expect(hertfordshire).not.toContain('EN3');
    expect(dorset).toContain('EN3');
    expect(dorset).not.toContain('CF2');
    expect(hertfordshire).toContain('DC1');
  });

  it('toJson gives plain data, and with a pack only that pack\'s parameter', () => {
    const all = toJson();
    expect(all).toHaveLength(RULES.length);
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
    const dorset = toJson('pan-dorset');
    expect(dorset.map((rule) => rule.id)).toEqual(rulesForPack('pan-dorset').map((rule) => rule.id));
    const dc4 = dorset.find((rule) => rule.id === 'DC4');
    expect(dc4?.parameters).toEqual({ 'pan-dorset': { categoriesPerChild: 'one or more' } });
  });

  it('toJson hands out copies that cannot change the registry', () => {
    const copy = toJson();
    copy[0]!.sources.push('tampered');
    expect(RULES[0]?.sources).not.toContain('tampered');
  });
});
