// Renders sample letters (synthetic people) to PDF and turns each page into a PNG for the README:
//
//   npx tsx scripts/letter-pictures.ts            (needs pdftoppm, from poppler-utils)
//
// Look at the pictures after any change to a letter: a letter that reads badly shows here first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { familyRecordDocument } from '../src/documents/conference-record.js';
import { decisionsSheetDocument } from '../src/documents/decisions-sheet.js';
import type { DocumentModel } from '../src/documents/document-model.js';
import { familyLanguageOf } from '../src/documents/family-language.js';
import { invitationLetter, type InvitationLetterData } from '../src/documents/invitation-letter.js';
import { letterRecord, recordData } from '../src/documents/meeting-document-fixture.test-support.js';
import { renderPdf } from '../src/documents/render-pdf.js';

const OUT = path.resolve(import.meta.dirname, '../docs/images');

/** The tests' parent invitation (every fact a letter may state), with the whole list of those invited. */
export const SAMPLE_LETTER: InvitationLetterData = {
  ...letterRecord,
  invitees: [
    { name: 'Demi Testington', role: 'Mother' }, { name: 'Fred Testington', role: 'Father' }, { name: 'Beta Testington', role: 'Child' },
    { name: 'Sam Sampleford', role: 'Social worker' }, { name: 'Tara Teamlead', role: 'Team manager' }, { name: 'PC Petra Placeholder', role: 'Police' },
    { name: 'Hana Exampleton', role: 'School nurse' }, { name: 'Not yet named', role: 'GP (Sampleton Surgery)' },
  ],
};

async function picture(name: string, doc: DocumentModel): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'letters-'));
  const pdf = path.join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(doc));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, name)]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  return pages.map((p, i) => {
    const target = path.join(OUT, `${name}-page-${i + 1}.png`);
    renameSync(path.join(dir, p), target);
    return target;
  });
}

const written = [
  ...(await picture('parent-invitation-letter', invitationLetter(SAMPLE_LETTER))),
  // The same letter to a mother recorded as Polish-speaking with an interpreter: Polish, then English.
  ...(await picture('parent-invitation-letter-polish', invitationLetter(SAMPLE_LETTER, familyLanguageOf({ firstLanguage: 'Polish', interpreterNeeded: true })))),
  ...(await picture('agency-invitation-letter', invitationLetter({ ...SAMPLE_LETTER, invitee: { name: 'PC Petra Placeholder', role: 'Police', inviteeKind: 'professional', organisationName: 'Sampleshire Police', postalAddress: null } }))),
  // The decisions sheet as the family gets it (the test fixture's synthetic conference).
  ...(await picture('decisions-sheet-family-copy', decisionsSheetDocument(recordData(), { version: 1, familyCopy: true }))),
  // The record as a Polish-speaking mother gets it: the decisions in Polish, then her English copy.
  ...(await picture('conference-record-family-copy-polish', familyRecordDocument(recordData(), { family: true, excludedParts: [], wholeRecord: false }, familyLanguageOf({ firstLanguage: 'Polish', interpreterNeeded: true })))),
];
console.log(written.map((f) => path.relative(process.cwd(), f)).join('\n'));
