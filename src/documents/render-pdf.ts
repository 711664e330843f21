import PDFDocument from 'pdfkit';
import type { DocumentModel } from './document-model.js';

/** A plain, accessible-as-possible A4 PDF: tagged title, real text, the marking on every page. */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: doc.title, Author: 'Convene' }, displayTitle: true, lang: 'en-GB', bufferPages: true });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    pdf.font('Helvetica-Bold').fontSize(18).text(doc.title);
    if (doc.subtitle) pdf.font('Helvetica').fontSize(12).fillColor('#505a5f').text(doc.subtitle).fillColor('black');
    pdf.moveDown();
    for (const block of doc.blocks) {
      switch (block.type) {
        case 'heading':
          pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(block.text).moveDown(0.3);
          break;
        case 'lines':
          pdf.font('Helvetica').fontSize(11);
          for (const line of block.lines) pdf.text(line);
          pdf.moveDown(0.8);
          break;
        case 'paragraph':
          pdf.font('Helvetica').fontSize(11).text(block.text).moveDown(0.5);
          break;
        case 'list':
          pdf.font('Helvetica').fontSize(11).list(block.items, { bulletRadius: 2 }).moveDown(0.5);
          break;
        case 'keyValue':
          for (const [k, v] of block.rows) {
            pdf.font('Helvetica-Bold').fontSize(11).text(`${k}: `, { continued: true }).font('Helvetica').text(v);
          }
          pdf.moveDown(0.5);
          break;
        case 'table':
          pdf.font('Helvetica-Bold').fontSize(10).text(block.head.join('   |   '));
          pdf.font('Helvetica').fontSize(10);
          for (const row of block.rows) pdf.text(row.join('   |   '));
          pdf.moveDown(0.5);
          break;
      }
    }
    if (doc.footer) pdf.moveDown().font('Helvetica-Oblique').fontSize(9).text(doc.footer);

    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      if (doc.marking) {
        pdf.font('Helvetica-Bold').fontSize(10).fillColor('#d4351c').text(doc.marking, 56, 24, { lineBreak: false }).fillColor('black');
      }
      pdf.font('Helvetica').fontSize(8).text(`Page ${i + 1} of ${range.count}`, 56, pdf.page.height - 40, { lineBreak: false });
    }
    pdf.end();
  });
}
