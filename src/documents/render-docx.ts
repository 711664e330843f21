import { Document, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentModel } from './document-model.js';

/** The same document as a Word file, for staff who edit letters before they go. */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  if (doc.subtitle) children.push(new Paragraph({ text: doc.subtitle }));
  for (const block of doc.blocks) {
    if (block.type === 'heading') children.push(new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 }));
    else if (block.type === 'paragraph') children.push(new Paragraph({ text: block.text }));
    else if (block.type === 'lines') children.push(new Paragraph({ children: block.lines.map((line, n) => new TextRun({ text: line, break: n > 0 ? 1 : 0 })) }));
    else if (block.type === 'list') for (const item of block.items) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    else if (block.type === 'keyValue') {
      for (const [k, v] of block.rows) children.push(new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] }));
    } else {
      const row = (cells: string[], bold = false) =>
        new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold })] })] })) });
      children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.head, true), ...block.rows.map((r) => row(r))] }));
    }
  }
  if (doc.footer) children.push(new Paragraph({ children: [new TextRun({ text: doc.footer, italics: true })] }));
  const header = doc.marking ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: doc.marking, bold: true, color: 'D4351C' })] })] }) } : undefined;
  const file = new Document({
    title: doc.title,
    creator: 'Convene',
    sections: [{ ...(header ? { headers: header } : {}), children }],
  });
  return Packer.toBuffer(file);
}
