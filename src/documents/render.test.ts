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

describe('accessible documents (issue 14)', () => {
  it('the PDF carries its language and title, and shows the title rather than the file name', async () => {
    const raw = (await renderPdf(doc)).toString('latin1');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Title (\(|\d+ 0 R)/);
  });

  it('the Word file has its headings in order (Title, then Heading 1) and British English set', async () => {
    const { docxParagraphs, zipEntry } = await import('./docx-text.js');
    const docx = await renderDocx({ ...doc, preamble: [{ type: 'lines', lines: ['Demi Testington', '1 Example Row'] }] });
    const styles = docxParagraphs(docx).map((p) => p.style).filter((s): s is string => s !== null && /^(Title|Heading)/.test(s));
    expect(styles).toEqual(['Title', 'Heading1']);
    const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('w:lang w:val="en-GB"');
    expect(zipEntry(docx, 'word/styles.xml')!.toString('utf8')).toContain('w:val="en-GB"');
  });

  it('prints tables as tables: each cell its own text, never "a | b" run together', async () => {
    const { pdfText } = await import('./pdf-text.js');
    const text = pdfText(await renderPdf(doc));
    expect(text).not.toContain('|');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Demi Testington', 'Mother']));
  });

  it('keeps phone numbers and postcodes on one line', async () => {
    const { keepTogether } = await import('./render-pdf.js');
    expect(keepTogether('Call 01632 960000 at ZZ1 1AA')).toBe('Call 01632\u00a0960000 at ZZ1\u00a01AA');
  });
});
