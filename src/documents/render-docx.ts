import { Document, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, DocumentModel } from './document-model.js';

/** The language every run is marked with, so a screen reader reads the letter with British English. */
const LANGUAGE = { value: 'en-GB' } as const;

function run(text: string, style: { bold?: boolean; italics?: boolean; color?: string; break?: number } = {}): TextRun {
  return new TextRun({ text, language: LANGUAGE, ...style });
}

function blockParts(block: Block): (Paragraph | Table)[] {
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
  for (const block of doc.preamble ?? []) children.push(...blockParts(block));
  children.push(new Paragraph({ children: [run(doc.title)], heading: HeadingLevel.TITLE }));
  if (doc.subtitle) children.push(new Paragraph({ children: [run(doc.subtitle)] }));
  for (const block of doc.blocks) children.push(...blockParts(block));
  if (doc.footer) children.push(new Paragraph({ children: [run(doc.footer, { italics: true })] }));
  const header = doc.marking ? { default: new Header({ children: [new Paragraph({ children: [run(doc.marking, { bold: true, color: 'D4351C' })] })] }) } : undefined;
  const file = new Document({
    title: doc.title,
    creator: 'Convene',
    styles: { default: { document: { run: { language: LANGUAGE } } } },
    sections: [{ ...(header ? { headers: header } : {}), children }],
  });
  return Packer.toBuffer(file);
}
