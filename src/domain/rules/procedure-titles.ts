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

const FILE_NAME = /\b\d{3}_[0-9a-f]{16}\.txt\b/g;

/** Any text with a citation in it, with each procedure file name replaced by the procedure's title (the section stays). */
export function plainCitations(text: string): string {
  // A home page explains the same few rule citations for every item it lists (issue 16: 3% of its
  // CPU went here), so each text's answer is kept; a full cache is emptied rather than grown.
  const known = plainCitationCache.get(text);
  if (known !== undefined) return known;
  const plain = text.replace(FILE_NAME, (name: string, offset: number) => procedureTitle(name, text.slice(Math.max(0, offset - 60), offset)) ?? 'the local procedures');
  if (plainCitationCache.size >= 2_000) plainCitationCache.clear();
  plainCitationCache.set(text, plain);
  return plain;
}
const plainCitationCache = new Map<string, string>();
