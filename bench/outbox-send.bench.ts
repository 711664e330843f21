// Outbox throughput: queued emails, each with a letter-sized PDF and a calendar file, delivered by
// the sender through nodemailer to a real SMTP server in this process, on PGlite.
//
//   npx tsx bench/outbox-send.bench.ts
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import { openDatabase } from '../src/db/client.js';
import { renderIcs } from '../src/documents/invitation-ics.js';
import { attachment, enqueueMessage } from '../src/modules/outbox/enqueue-message.js';
import { sendDueMessages } from '../src/modules/outbox/sender.js';
import { startTestSmtp } from '../src/modules/outbox/test-smtp.test-support.js';
import { renderPdf } from '../src/documents/render-pdf.js';

const MESSAGES = 300;

export async function run(): Promise<string[]> {
  const database = await openDatabase({ memory: true });
  const smtp = await startTestSmtp();
  // The same pooled transport the app's sender makes from SMTP_URL.
  const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 2 });
  try {
    await database.migrate();
    const now = new Date('2026-03-02T09:00:00Z');
    const pdf = await renderPdf({ title: 'Invitation to a conference', blocks: Array.from({ length: 20 }, (_, i) => ({ type: 'paragraph' as const, text: `Paragraph ${i} of a bench letter.` })) });
    const ics = renderIcs({ uid: 'bench@convene', sequence: 0, start: now, slotMinutes: 90, summary: 'Conference', location: 'Room 1', description: 'Bench', organiser: null, attendee: { name: 'A', email: 'a@bench.example' }, stampedAt: now });
    for (let i = 0; i < MESSAGES; i += 1) {
      await enqueueMessage(database.db, {
        channel: 'email', toName: `Recipient ${i}`, toAddress: `r${i}@bench.example`, subject: `Invitation ${i}`, bodyText: 'Please find the invitation attached.',
        attachments: [attachment('invitation.pdf', 'application/pdf', pdf), attachment('conference.ics', 'text/calendar', ics)],
      }, now);
    }
    const started = performance.now();
    let sent = 0;
    while (sent < MESSAGES) {
      const pass = await sendDueMessages(database.db, transport, { clock: () => now, batchSize: 50 });
      if (pass.sent === 0) throw new Error(`outbox bench stalled after ${sent} messages`);
      sent += pass.sent;
    }
    await smtp.waitFor(MESSAGES);
    const seconds = (performance.now() - started) / 1000;
    return [`outbox-send: ${Math.round(sent / seconds)} messages per second (pglite, in-process SMTP, ${Math.round(pdf.length / 1024)} KB PDF each)`];
  } finally {
    transport.close();
    await smtp.close();
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line);
}
