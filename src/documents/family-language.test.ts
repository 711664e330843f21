import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bilingualBody } from './family-language.js';

const SRC = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('.test-support.') ? [full] : [];
  });
}

/** Issue 14: one shape for every family email body, written in one place. */
describe('bilingualBody (issue 14)', () => {
  const english = 'Dear Demi Testington,\n\nThe decisions are attached.';

  it('puts the family’s language first, then the “English follows” line, a separator and the English', () => {
    const body = bilingualBody({ kind: 'translated', code: 'pl', name: 'Polish' }, (tr) => tr.t('common.dear', { name: 'Demi Testington' }), english);
    expect(body).toBe(`Szanowna Pani / Szanowny Panie (Demi Testington),\n\nPoniżej ta sama wiadomość w języku angielskim.\n\n---\n\n${english}`);
  });

  it('gives a language with no file the English with the interpreter line, and an English reader the English alone', () => {
    expect(bilingualBody({ kind: 'untranslated', name: 'Tigrinya' }, () => 'never used', english))
      .toBe(`This document is in English because we do not yet write our letters in Tigrinya. An interpreter will go through it with you in Tigrinya. If nobody has arranged this with you, please ask your social worker.\n\n${english}`);
    expect(bilingualBody({ kind: 'english' }, () => 'never used', english)).toBe(english);
    expect(bilingualBody(undefined, () => 'never used', english)).toBe(english);
  });

  it('is the only place a family email is assembled with the “English follows” line', () => {
    const handBuilt = sourceFiles(SRC)
      .filter((f) => !f.endsWith(path.join('documents', 'family-language.ts')))
      .filter((f) => fs.readFileSync(f, 'utf8').includes("'email.englishBelow'"))
      .map((f) => path.relative(SRC, f));
    expect(handBuilt).toEqual([]);
  });

  it('never picks a translation by matching English text: the confidentiality notice goes by its consent code', () => {
    const matching = sourceFiles(SRC)
      .filter((f) => /confidentialityNotice\.includes\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(matching).toEqual([]);
  });
});
