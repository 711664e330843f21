// Renders sample letters (synthetic people) to PDF and turns each page into a PNG for the README:
//
//   npx tsx scripts/letter-pictures.ts            (needs pdftoppm, from poppler-utils)
//
// Look at the pictures after any change to a letter: a letter that reads badly shows here first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decisionsSheetDocument } from '../src/documents/decisions-sheet.js';
import type { DocumentModel } from '../src/documents/document-model.js';
import { familyLanguageOf } from '../src/documents/family-language.js';
import { invitationLetter, type InvitationLetterData } from '../src/documents/invitation-letter.js';
import { recordData } from '../src/documents/meeting-document-fixture.test-support.js';
import { renderPdf } from '../src/documents/render-pdf.js';

const OUT = path.resolve(import.meta.dirname, '../docs/images');

export const SAMPLE_LETTER: InvitationLetterData = {
  authorityName: 'Demoshire County Council',
  conferenceTitle: 'Initial child protection conference',
  review: false,
  letterDate: '2027-01-04',
  reference: 'CP-4D01D3D6',
  start: new Date('2027-01-11T10:00:00Z'),
  slotMinutes: 90,
  format: 'face-to-face',
  venue: { room: 'Conference Room 1', building: 'Demoshire County Hall', street: '1 Sample Square', town: 'Demoshire Town', postcode: 'ZZ1 9AA' },
  subjectChildren: ['Alpha Testington', 'Tango Testington'],
  invitee: { name: 'Demi Testington', role: 'Mother', inviteeKind: 'parent', organisationName: null, postalAddress: '1 Example Row, Demoshire Town, ZZ1 1AA' },
  invitees: [
    { name: 'Demi Testington', role: 'Mother' }, { name: 'Fred Testington', role: 'Father' }, { name: 'Tango Testington', role: 'Child' },
    { name: 'Sam Sampleford', role: 'Social worker' }, { name: 'Tara Teamlead', role: 'Team manager' }, { name: 'PC Petra Placeholder', role: 'Police' },
    { name: 'Hana Exampleton', role: 'School nurse' }, { name: 'Not yet named', role: 'GP (Sampleton Surgery)' },
  ],
  chair: { name: 'Chris Chairington', email: 'chair@demoshire.example', phone: '01632 960000' },
  socialWorker: { name: 'Sam Sampleford', email: 'social-worker@demoshire.example', phone: '01632 960000' },
  coordinator: { name: 'Bea Supportwell', email: 'conferences@demoshire.example', phone: '01632 960000' },
  replyBy: '2027-01-06',
  familyReportBy: '2027-01-07',
  reportWanted: null,
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
  ...(await picture('agency-invitation-letter', invitationLetter({ ...SAMPLE_LETTER, invitee: { name: 'PC Petra Placeholder', role: 'Police', inviteeKind: 'professional', organisationName: 'Demoshire Police', postalAddress: null } }))),
  // The decisions sheet as the family gets it (the test fixture's synthetic conference).
  ...(await picture('decisions-sheet-family-copy', decisionsSheetDocument(recordData(), { version: 1, familyCopy: true }))),
];
console.log(written.map((f) => path.relative(process.cwd(), f)).join('\n'));
