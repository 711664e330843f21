/**
 * What a letter, report or record says, independent of its format: presenters build this, and
 * the PDF and DOCX renderers print it. Keeping one model means a family copy is redacted once.
 */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Short lines printed together without spacing: an address block, a signature. */
  | { type: 'lines'; lines: string[] }
  | { type: 'list'; items: string[] }
  | { type: 'keyValue'; rows: [string, string][] }
  | { type: 'table'; head: string[]; rows: string[][] };

export interface DocumentModel {
  /** Printed before the title: a letter's address block, date and reference. */
  preamble?: Block[];
  title: string;
  subtitle?: string;
  /** Printed on every page, e.g. "FAMILY COPY" or "CONFIDENTIAL". */
  marking?: string;
  blocks: Block[];
  footer?: string;
  /** BCP 47 language of the text ("pl-PL"); en-GB when absent. PDF and Word mark the text with it. */
  language?: string;
  /**
   * The same document in another language, printed after this one from a new page (issue 14: a
   * family's own language first, then the English it was written from). One file, both languages.
   */
  followedBy?: DocumentModel;
}

/** The document as plain text, for email bodies and for tests that look for (or for the absence of) words. */
export function documentText(doc: DocumentModel): string {
  const lines: string[] = [];
  for (const block of doc.preamble ?? []) printBlock(block, lines);
  lines.push(doc.title);
  if (doc.subtitle) lines.push(doc.subtitle);
  if (doc.marking) lines.push(doc.marking);
  for (const block of doc.blocks) printBlock(block, lines);
  if (doc.footer) lines.push(doc.footer);
  if (doc.followedBy) lines.push('', documentText(doc.followedBy));
  return lines.join('\n');
}

function printBlock(block: Block, lines: string[]): void {
  if (block.type === 'heading' || block.type === 'paragraph') lines.push(block.text);
  else if (block.type === 'lines') lines.push(...block.lines);
  else if (block.type === 'list') lines.push(...block.items.map((i) => `- ${i}`));
  else if (block.type === 'keyValue') lines.push(...block.rows.map(([k, v]) => `${k}: ${v}`));
  else lines.push(block.head.join(' | '), ...block.rows.map((r) => r.join(' | ')));
}
