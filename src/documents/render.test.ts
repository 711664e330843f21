import { describe, expect, it } from 'vitest';
import { documentText, type DocumentModel } from './document-model.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

const doc: DocumentModel = {
  title: 'Invitation to a child protection conference',
  subtitle: 'About Alpha Testington',
  marking: 'FAMILY COPY',
  blocks: [
    { type: 'heading', text: 'When and where' },
    { type: 'keyValue', rows: [['Date', '14 January 2026'], ['Time', '10:00']] },
    { type: 'paragraph', text: 'Please come.' },
    { type: 'list', items: ['Parents leaflet', 'Complaints leaflet'] },
    { type: 'table', head: ['Name', 'Role'], rows: [['Demi Testington', 'Mother']] },
  ],
  footer: 'Confidential.',
};

describe('document renderers', () => {
  it('renders a PDF that starts with the PDF header and carries the title in its metadata', async () => {
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
  it('renders a DOCX (a zip) with the text inside', async () => {
    const docx = await renderDocx(doc);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });
  it('gives the plain text of every block, with the marking', () => {
    const text = documentText(doc);
    expect(text).toContain('FAMILY COPY');
    expect(text).toContain('Date: 14 January 2026');
    expect(text).toContain('Demi Testington | Mother');
  });
});

describe('reading back a rendered PDF', () => {
  it('finds every word of the document, and only those', async () => {
    const { pdfText } = await import('./pdf-text.js');
    const text = pdfText(await renderPdf(doc));
    expect(text).toContain('Invitation to a child protection conference');
    expect(text).toContain('Demi Testington');
    expect(text).toContain('FAMILY COPY');
    expect(text).not.toContain('police');
  });
});
