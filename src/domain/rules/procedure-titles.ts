import { PROCEDURE_FILES } from './sources.js';

/**
 * The procedures by name, for people: each file's first heading (as the file has it), and the
 * partnership it belongs to where the heading does not say. Mapped once here; a test checks each
 * heading against its file in ../shared/procedures. Pages show these instead of file names.
 */
export const PROCEDURE_TITLES: Record<string, { heading: string; partnership: string }> = {
  [PROCEDURE_FILES['000']]: { heading: '4.4.1 Child Protection Conferences', partnership: 'Hertfordshire' },
  [PROCEDURE_FILES['001']]: { heading: 'Stoke-on-Trent and Staffordshire Safeguarding Children Boards', partnership: 'Stoke-on-Trent and Staffordshire' },
  [PROCEDURE_FILES['002']]: { heading: 'PAN DORSET INTER-AGENCY SAFEGUARDING PROCEDURES', partnership: 'Pan Dorset' },
  [PROCEDURE_FILES['003']]: { heading: 'Child Protection Conference', partnership: 'Nottinghamshire' },
  [PROCEDURE_FILES['004']]: { heading: 'Core Standards for Safeguarding and Promoting the Welfare of Children in Newcastle through Child Protection Case Conferences', partnership: 'Newcastle' },
};

/** A heading in capitals reads as shouting: it is shown in title case. */
function readable(heading: string): string {
  if (heading !== heading.toUpperCase()) return heading;
  return heading.toLowerCase().replace(/(^|[\s-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * The procedure's title as a person reads it: "Hertfordshire: 4.4.1 Child Protection Conferences";
 * without the partnership when the words just before already name it.
 */
export function procedureTitle(fileName: string, before = ''): string | null {
  const entry = PROCEDURE_TITLES[fileName];
  if (!entry) return null;
  const title = readable(entry.heading);
  const named = title.toLowerCase().includes(entry.partnership.toLowerCase()) || before.trimEnd().toLowerCase().endsWith(`${entry.partnership.toLowerCase()}:`);
  return named ? title : `${entry.partnership}: ${title}`;
}

/** Any text with a citation in it, with each procedure file name replaced by the procedure's title (the section stays). */
export function plainCitations(text: string): string {
  // Most texts, and most whole pages, name no procedure file: nothing to replace.
  if (!text.includes('.txt')) return text;
  // The same few short explanations recur on every item of a list, so their answers are kept; a
  // whole page (every page goes through here) is never kept: each is unique (its CSRF token) and
  // 2,000 of them held hundreds of megabytes and cost a hash of the page to look up (issue 16).
  const keep = text.length <= MAX_KEPT_LENGTH;
  const known = keep ? plainCitationCache.get(text) : undefined;
  if (known !== undefined) return known;
  const plain = replaceFileNames(text);
  if (keep) {
    if (plainCitationCache.size >= 2_000) plainCitationCache.clear();
    plainCitationCache.set(text, plain);
  }
  return plain;
}
const MAX_KEPT_LENGTH = 2_000;

/**
 * Each procedure file name (three digits, _, sixteen hex digits, .txt, as a whole word) replaced,
 * found by looking for ".txt" and then at the twenty characters before it: the regular expression
 * it replaces, starting at a word boundary, was tried at every position of a whole page.
 */
function replaceFileNames(text: string): string {
  let plain = '';
  let from = 0;
  for (let at = text.indexOf('.txt'); at !== -1; at = text.indexOf('.txt', at + 4)) {
    const start = at - 20;
    if (start < 0 || !NAME.test(text.slice(start, at)) || WORD.test(text.charAt(start - 1)) || WORD.test(text.charAt(at + 4))) continue;
    const name = text.slice(start, at + 4);
    plain += text.slice(from, start) + (procedureTitle(name, text.slice(Math.max(0, start - 60), start)) ?? 'the local procedures');
    from = at + 4;
  }
  return from === 0 ? text : plain + text.slice(from);
}
const NAME = /^\d{3}_[0-9a-f]{16}$/;
const WORD = /^\w$/;
const plainCitationCache = new Map<string, string>();
