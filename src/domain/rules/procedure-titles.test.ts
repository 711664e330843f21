import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainCitations, PROCEDURE_TITLES, procedureTitle } from './procedure-titles.js';
import { PROCEDURE_FILES } from './sources.js';
import { itAnswersEach } from '../../../test/support/answer-tables.js';

const PROCEDURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/procedures');
// Lines a saved web page carries before its real heading.
const NOT_HEADINGS = new Set(['Skip to content', 'Company Logo']);

function firstHeading(file: string): string {
  const lines = fs.readFileSync(path.join(PROCEDURES, file), 'utf8').split('\n').map((l) => l.replace(/\|\s*$/, '').trim());
  return lines.find((l) => l !== '' && !NOT_HEADINGS.has(l)) ?? '';
}

describe('procedure titles', () => {
  it.each(Object.values(PROCEDURE_FILES))('%s is named by its first heading', (file) => {
    expect(PROCEDURE_TITLES[file]?.heading).toBe(firstHeading(file));
  });

  itAnswersEach('%s reads as %s', plainCitations, [
    ['002_61563a3284bb8811.txt § 2.138', 'Pan Dorset Inter-Agency Safeguarding Procedures § 2.138'],
    ['TS6 (000_94fab553c2db9a47.txt § 7 Chairing of Conference)', 'TS6 (Hertfordshire: 4.4.1 Child Protection Conferences § 7 Chairing of Conference)'],
    ['003_16eb1834ae885591.txt § core groups; 004_4d62ad76775b45eb.txt § Standard 5', 'Nottinghamshire: Child Protection Conference § core groups; Core Standards for Safeguarding and Promoting the Welfare of Children in Newcastle through Child Protection Case Conferences § Standard 5'],
    ['(Hertfordshire: 000_94fab553c2db9a47.txt § 1 Types)', '(Hertfordshire: 4.4.1 Child Protection Conferences § 1 Types)'],
    ['999_0000000000000000.txt § 1', 'the local procedures § 1'],
    ['No citation here', 'No citation here'],
  ]);

  it('replaces exactly what the regular expression for a file name as a whole word matches, in a text of any length', () => {
    const reference = (text: string) => text.replace(/\b\d{3}_[0-9a-f]{16}\.txt\b/g, (name: string, offset: number) => procedureTitle(name, text.slice(Math.max(0, offset - 60), offset)) ?? 'the local procedures');
    const names = [...Object.keys(PROCEDURE_TITLES), '999_0000000000000000.txt', '12_94fab553c2db9a47.txt', '0000_94fab553c2db9a47.txt', '000_94FAB553C2DB9A47.txt', '000_94fab553c2db9a4.txt'];
    const piece = fc.oneof(fc.constantFrom(...names, '.txt', '.txts', 'x', '_', ' ', 'Hertfordshire: ', '§ 7', '<p>', '9'), fc.string({ maxLength: 8 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      expect(plainCitations(text)).toBe(reference(text));
    }), { numRuns: 2_000 });
    // A whole page: longer than any kept text, with names all through it.
    const page = Array.from({ length: 400 }, (_, i) => `<li>Item ${i}: ${names[i % names.length]} § ${i}</li>`).join('');
    expect(plainCitations(page)).toBe(reference(page));
  });

  it('has no title for a file it does not know', () => {
    expect(procedureTitle('nope.txt')).toBeNull();
  });
});
