import { formatDate } from '../domain/deadlines/index.js';

/**
 * Issue 14: people read "5 March 2026", never "2026-03-05". Every message leaves through the
 * outbox, which passes its subject and body through here, so an ISO date written into a sentence
 * anywhere (an ended plan, a move, a risk notification) reaches the reader in words. A date inside
 * a link, a file name or a code (no space or bracket before it) is left as it is.
 */
export function readableDates(text: string): string {
  return text.replace(/(^|[\s(“"'])(\d{4})-(\d{2})-(\d{2})(?=$|[\s.,;:!?)”"'])/gm, (all, lead: string, y: string, m: string, d: string) => {
    const month = Number(m);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return all;
    return `${lead}${formatDate(`${y}-${m}-${d}`)}`;
  });
}
