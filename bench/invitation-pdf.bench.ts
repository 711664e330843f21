// How many invitation letters (a parent's and an agency's, alternately) render to PDF per second:
// sending a conference's invitations renders one per invitee inside the request.
//
//   npx tsx bench/invitation-pdf.bench.ts
import { pathToFileURL } from 'node:url';
import { invitationLetter, type InvitationLetterData } from '../src/documents/invitation-letter.js';
import { renderPdf } from '../src/documents/render-pdf.js';

const MEASURE_MS = 3000;

function letter(i: number): InvitationLetterData {
  const invitees = Array.from({ length: 14 }, (_, n) => ({ name: `Invitee ${n} Sampleford`, role: n % 2 ? 'Health visitor' : 'Police' }));
  return {
    authorityName: 'Bench Authority', conferenceTitle: 'Initial child protection conference', review: false,
    letterDate: '2026-06-01', reference: 'CP-BENCH001',
    start: new Date('2026-06-15T09:00:00Z'), slotMinutes: 90, format: 'face-to-face',
    venue: { room: 'Conference Room 1', building: 'County Hall', street: '1 Bench Street', town: 'Benchton', postcode: 'ZZ1 1ZZ' },
    subjectChildren: ['Alpha Testington', 'Bravo Testington', 'Charlie Testington'],
    invitee: i % 2 ? { name: 'Demi Testington', role: 'Mother', inviteeKind: 'parent', organisationName: null, postalAddress: '1 Example Row, Benchton, ZZ1 1AA' } : { name: 'PC Bench', role: 'Police', inviteeKind: 'professional', organisationName: 'Bench Police', postalAddress: null },
    invitees, chair: { name: 'Chris Chairington', email: 'chair@bench.example', phone: '01632 960000' },
    socialWorker: { name: 'Sam Sampleford', email: 'sam@bench.example', phone: null },
    coordinator: { name: 'Conference unit', email: 'cu@bench.example', phone: null }, replyBy: '2026-06-10', familyReportBy: '2026-06-13', reportWanted: null,
  };
}

export async function run(): Promise<string[]> {
  for (let i = 0; i < 5; i += 1) await renderPdf(invitationLetter(letter(i)));
  let n = 0;
  let bytes = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  while (performance.now() - started < MEASURE_MS) {
    bytes += (await renderPdf(invitationLetter(letter(n)))).length;
    n += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time too: on a shared machine the rate per second says more about the neighbours than the letter.
  const cpuMs = (cpu.user + cpu.system) / 1000 / n;
  return [`invitation-pdf: ${Math.round(n / seconds)} per second (${Math.round(bytes / n / 1024)} KB each, ${cpuMs.toFixed(1)} ms of CPU each)`];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line);
}
