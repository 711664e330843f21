import PDFDocument from 'pdfkit';
import type { Block, DocumentModel } from './document-model.js';

const MARGIN = 56;
const GREY = '#505a5f';
const RULE = '#b1b4b6';

/**
 * Spaces inside a phone number or a postcode become non-breaking, so "01632 960000" and "ZZ1 1AA"
 * never wrap across two lines (a reader copies them as they are printed).
 */
export function keepTogether(text: string): string {
  return text
    .replace(/\b(0\d{3,4}) (\d{6})\b/g, '$1\u00a0$2')
    .replace(/\b([A-Z]{1,2}\d[A-Z\d]?) (\d[A-Z]{2})\b/g, '$1\u00a0$2');
}

/** A plain, accessible-as-possible A4 PDF: title and language in its metadata, real tables, the marking on every page. */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, compress: false, info: { Title: doc.title, Author: 'Convene' }, displayTitle: true, lang: 'en-GB', bufferPages: true });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const width = pdf.page.width - 2 * MARGIN;
    const bottom = () => pdf.page.height - pdf.page.margins.bottom;

    /** A heading never sits alone at the foot of a page: it moves over with the text it introduces. */
    const keepWithNext = (space: number) => {
      if (pdf.y + space > bottom()) pdf.addPage();
    };

    const print = (block: Block) => {
      switch (block.type) {
        case 'heading':
          keepWithNext(70);
          pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(block.text).moveDown(0.3);
          break;
        case 'paragraph':
          pdf.font('Helvetica').fontSize(11).text(keepTogether(block.text)).moveDown(0.5);
          break;
        case 'lines':
          keepWithNext(block.lines.length * 14);
          pdf.font('Helvetica').fontSize(11);
          for (const line of block.lines) pdf.text(keepTogether(line));
          pdf.moveDown(0.8);
          break;
        case 'list':
          pdf.font('Helvetica').fontSize(11).list(block.items.map(keepTogether), { bulletRadius: 2 }).moveDown(0.5);
          break;
        case 'keyValue':
          // A two-column table: the label (a row header) and its value, which wraps in its own column.
          pdf.font('Helvetica').fontSize(11);
          pdf.table({
            columnStyles: [Math.min(130, width * 0.3), '*'],
            defaultStyle: { border: 0, padding: [1, 6, 1, 0] },
            data: block.rows.map(([k, v]) => [
              { text: k, type: 'TH' as const, scope: 'row' as const, font: { src: 'Helvetica-Bold' } },
              { text: keepTogether(v), font: { src: 'Helvetica' } },
            ]),
          });
          pdf.x = MARGIN;
          pdf.moveDown(0.5);
          break;
        case 'table':
          keepWithNext(60);
          pdf.font('Helvetica').fontSize(10);
          pdf.table({
            defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0.5 }, borderColor: RULE, padding: [3, 6, 3, 0] },
            data: [
              block.head.map((h) => ({ text: h, type: 'TH' as const, scope: 'column' as const, font: { src: 'Helvetica-Bold' } })),
              ...block.rows.map((r) => r.map((c) => ({ text: keepTogether(c), font: { src: 'Helvetica' } }))),
            ],
          });
          pdf.x = MARGIN;
          pdf.moveDown(0.5);
          break;
      }
    };

    for (const block of doc.preamble ?? []) print(block);
    if (doc.preamble?.length) pdf.moveDown(0.5);
    pdf.font('Helvetica-Bold').fontSize(18).text(doc.title);
    if (doc.subtitle) pdf.font('Helvetica').fontSize(12).fillColor(GREY).text(doc.subtitle).fillColor('black');
    pdf.moveDown();
    for (const block of doc.blocks) print(block);
    if (doc.footer) pdf.moveDown().font('Helvetica-Oblique').fontSize(9).text(keepTogether(doc.footer));

    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      if (doc.marking) {
        pdf.font('Helvetica-Bold').fontSize(10).fillColor('#d4351c').text(doc.marking, MARGIN, 24, { lineBreak: false }).fillColor('black');
      }
      pdf.font('Helvetica').fontSize(8).text(`Page ${i + 1} of ${range.count}`, MARGIN, pdf.page.height - 40, { lineBreak: false });
    }
    pdf.end();
  });
}
