import { Document, Header, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, DocumentModel } from './document-model.js';
import { documentLanguage } from './family-language.js';

/**
 * Every run is marked with its part's language (en-GB, or e.g. pl-PL for a family's own language,
 * issue 14), so a screen reader and Word's spelling check read each part in its own language.
 */
function runIn(language: string) {
  return (text: string, style: { bold?: boolean; italics?: boolean; color?: string; break?: number } = {}): TextRun =>
    new TextRun({ text, language: { value: language }, ...style });
}

function blockParts(block: Block, run: ReturnType<typeof runIn>): (Paragraph | Table)[] {
  switch (block.type) {
    // Title, then Heading 1 for each section: headings in order, none skipped.
    case 'heading':
      return [new Paragraph({ children: [run(block.text)], heading: HeadingLevel.HEADING_1 })];
    case 'paragraph':
      return [new Paragraph({ children: [run(block.text)] })];
    case 'lines':
      return [new Paragraph({ children: block.lines.map((line, n) => run(line, { break: n > 0 ? 1 : 0 })) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ children: [run(item)], bullet: { level: 0 } }));
    case 'keyValue':
      return block.rows.map(([k, v]) => new Paragraph({ children: [run(`${k}: `, { bold: true }), run(v)] }));
    case 'table': {
      const row = (cells: string[], header = false) =>
        new TableRow({ tableHeader: header, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [run(c, { bold: header })] })] })) });
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.head, true), ...block.rows.map((r) => row(r))] })];
    }
  }
}

/** The same document as a Word file, for staff who edit letters before they go. */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (let part: DocumentModel | undefined = doc, n = 0; part; part = part.followedBy, n += 1) {
    const run = runIn(documentLanguage(part));
    // The next language starts on a new page, as in the PDF.
    if (n > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    for (const block of part.preamble ?? []) children.push(...blockParts(block, run));
    children.push(new Paragraph({ children: [run(part.title)], heading: HeadingLevel.TITLE }));
    if (part.subtitle) children.push(new Paragraph({ children: [run(part.subtitle)] }));
    for (const block of part.blocks) children.push(...blockParts(block, run));
    if (part.footer) children.push(new Paragraph({ children: [run(part.footer, { italics: true })] }));
  }
  const run = runIn(documentLanguage(doc));
  const header = doc.marking ? { default: new Header({ children: [new Paragraph({ children: [run(doc.marking, { bold: true, color: 'D4351C' })] })] }) } : undefined;
  const file = new Document({
    title: doc.title,
    creator: 'Convene',
    styles: { default: { document: { run: { language: { value: documentLanguage(doc) } } } } },
    sections: [{ ...(header ? { headers: header } : {}), children }],
  });
  return Packer.toBuffer(file);
}
