import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import PDFKitDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { decisionsSheetDocument } from './decisions-sheet.js';
import type { DocumentModel } from './document-model.js';
import { invitationLetter } from './invitation-letter.js';
import { joinPdfs } from './join-pdfs.js';
import { letterRecord, recordData } from './meeting-document-fixture.test-support.js';
import { pdfText } from './pdf-text.js';
import { renderPdf } from './render-pdf.js';

/**
 * Issue 14: a PDF a screen reader can follow (PDF/UA): tagged, its structure the document's own
 * (title, headings, paragraphs, lists, tables with header cells), page furniture kept out of the
 * reading order, language and title declared, and every font embedded so it looks the same anywhere.
 */


interface Parsed {
  pdf: PDFDocument;
  raw: string;
  /** Every structure element's type, in reading order, with its attributes' scope if any. */
  elements: { type: string; scope?: string }[];
}

function resolve(pdf: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? pdf.context.lookup(obj) : obj;
}

function name(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFName ? obj.decodeText() : undefined;
}

async function parse(doc: DocumentModel | Buffer): Promise<Parsed> {
  const bytes = Buffer.isBuffer(doc) ? doc : await renderPdf(doc);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const elements: Parsed['elements'] = [];
  const walk = (obj: PDFObject | undefined): void => {
    const node = resolve(pdf, obj);
    if (node instanceof PDFArray) node.asArray().forEach(walk);
    if (!(node instanceof PDFDict)) return;
    const type = name(node.get(PDFName.of('S')));
    if (type) {
      const attributes = resolve(pdf, node.get(PDFName.of('A')));
      const scope = attributes instanceof PDFDict ? name(attributes.get(PDFName.of('Scope'))) : undefined;
      elements.push(scope ? { type, scope } : { type });
    }
    walk(node.get(PDFName.of('K')));
  };
  walk(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  return { pdf, raw: bytes.toString('latin1'), elements };
}

/** Text shown outside any marked-content sequence is neither tagged nor an artifact: a screen reader cannot place it. */
function untaggedText(pdf: PDFDocument): number {
  let loose = 0;
  for (const page of pdf.getPages()) {
    const contents = resolve(pdf, page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map((c) => resolve(pdf, c)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      let depth = 0;
      const ops = Buffer.from(stream.contents).toString('latin1').match(/\b(BDC|BMC|EMC|TJ|Tj)\b/g) ?? [];
      for (const op of ops) {
        if (op === 'BDC' || op === 'BMC') depth += 1;
        else if (op === 'EMC') depth -= 1;
        else if (depth === 0) loose += 1;
      }
    }
  }
  return loose;
}

/** A piece of page furniture: out of the reading order, for a screen reader to skip. */
const ARTIFACT = /\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/g;

const documents: [string, DocumentModel][] = [
  ['a parent’s invitation letter', invitationLetter(letterRecord)],
  ['the decisions sheet', decisionsSheetDocument(recordData(), { version: 1, familyCopy: false })],
];

describe.each(documents)('%s as a PDF', (_name, doc) => {
  it('is marked as tagged and identifies itself as PDF/UA, with its language and title shown', async () => {
    const { pdf, raw } = await parse(doc);
    const markInfo = resolve(pdf, pdf.catalog.get(PDFName.of('MarkInfo')));
    expect(markInfo instanceof PDFDict && markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true');
    const lang = pdf.catalog.get(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe('en-GB');
    const preferences = resolve(pdf, pdf.catalog.get(PDFName.of('ViewerPreferences')));
    expect(preferences instanceof PDFDict && preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(pdf.getTitle()).toBe(doc.title);
    expect(raw.match(/<pdfuaid:part>1<\/pdfuaid:part>/)?.[0]).toBeDefined();
    expect(raw.match(/<dc:title>/)?.[0]).toBeDefined();
  });

  it('has a structure tree of the document’s own parts: title, headings, paragraphs and tables with header cells', async () => {
    const { elements } = await parse(doc);
    const types = new Set(elements.map((e) => e.type));
    for (const type of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) expect([...types]).toContain(type);
    expect(elements.filter((e) => e.type === 'H1')).toHaveLength(1);
    // A header cell says which cells it heads, so a screen reader reads "Date: 15 June" and not a loose list.
    const headers = elements.filter((e) => e.type === 'TH');
    expect(headers.length).toBeGreaterThan(0);
    for (const th of headers) expect(['Row', 'Column']).toContain(th.scope);
  });

  it('puts every piece of text in the structure or marks it as page furniture (the marking, page numbers)', async () => {
    const { pdf, raw } = await parse(doc);
    expect(untaggedText(pdf)).toBe(0);
    expect(raw.match(ARTIFACT)?.length).toBeGreaterThanOrEqual(2);
  });

  it('embeds every font it uses, and none of the fourteen a viewer would substitute', async () => {
    const { pdf, raw } = await parse(doc);
    expect(raw.match(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)\S*/g) ?? []).toEqual([]);
    const fonts = pdf.context.enumerateIndirectObjects().map(([, obj]) => obj)
      .filter((obj): obj is PDFDict => obj instanceof PDFDict && name(obj.get(PDFName.of('Type'))) === 'Font' && name(obj.get(PDFName.of('Subtype'))) !== 'Type0');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      const descriptor = resolve(pdf, font.get(PDFName.of('FontDescriptor')));
      expect(descriptor instanceof PDFDict && descriptor.get(PDFName.of('FontFile2')) instanceof PDFRef).toBe(true);
    }
  });

  it('still reads back as its words (kept letters are checked for what they say)', async () => {
    const text = pdfText(await renderPdf(doc));
    expect(text).toContain(doc.title);
    for (const block of doc.blocks) {
      if (block.type === 'heading') expect(text).toContain(block.text);
    }
  });
});

describe('a list in a PDF', () => {
  it('is a list of items a screen reader can count', async () => {
    const { elements } = await parse({ title: 'Things to bring', blocks: [{ type: 'list', items: ['Your letter', 'Someone to support you', 'Anything you want to show'] }] });
    expect(elements.filter((e) => e.type === 'L')).toHaveLength(1);
    expect(elements.filter((e) => e.type === 'LI')).toHaveLength(3);
    expect(elements.filter((e) => e.type === 'LBody')).toHaveLength(3);
  });

  it('marks the marking and the page number as page furniture on every page of a long document', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ type: 'paragraph' as const, text: `Paragraph ${i + 1} of a long record.` }));
    const { pdf, raw } = await parse({ title: 'A long record', marking: 'CONFIDENTIAL', blocks: many });
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(raw.match(ARTIFACT)?.length).toBe(pdf.getPageCount() * 2);
    expect(untaggedText(pdf)).toBe(0);
  });
});

describe('a printed batch of letters (one PDF joined from the letters kept)', () => {
  const agency = invitationLetter({ ...letterRecord, invitee: { name: 'Hana Exampleton', role: 'Health visitor', inviteeKind: 'professional', organisationName: 'Sampleshire Health', postalAddress: '2 Clinic Lane, Sampleton, ZZ2 2BB' } });

  it('keeps each letter’s structure, as a part of one document, with its page furniture and fonts', async () => {
    const letters = [await renderPdf(invitationLetter(letterRecord)), await renderPdf(agency)];
    const { pdf, raw, elements } = await parse(await joinPdfs(letters, 'Letters to post: 2'));
    const markInfo = resolve(pdf, pdf.catalog.get(PDFName.of('MarkInfo')));
    expect(markInfo instanceof PDFDict && markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(elements.filter((e) => e.type === 'Document')).toHaveLength(1);
    expect(elements.filter((e) => e.type === 'Part')).toHaveLength(2);
    expect(elements.filter((e) => e.type === 'H1')).toHaveLength(2);
    expect(elements.filter((e) => e.type === 'TH').length).toBeGreaterThan(0);
    expect(raw.match(/<pdfuaid:part>1<\/pdfuaid:part>/)?.[0]).toBeDefined();
    expect(pdf.getTitle()).toBe('Letters to post: 2');
    const preferences = resolve(pdf, pdf.catalog.get(PDFName.of('ViewerPreferences')));
    expect(preferences instanceof PDFDict && preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(untaggedText(pdf)).toBe(0);
    expect(raw.match(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)\S*/g) ?? []).toEqual([]);
  });

  it('gives each page its own marked-content keys, so no page points into another letter’s structure', async () => {
    const letters = [await renderPdf(invitationLetter(letterRecord)), await renderPdf(agency)];
    const { pdf } = await parse(await joinPdfs(letters, 'Letters to post: 2'));
    const keys = pdf.getPages().map((p) => p.node.get(PDFName.of('StructParents'))?.toString());
    expect(new Set(keys).size).toBe(pdf.getPageCount());
    const root = resolve(pdf, pdf.catalog.get(PDFName.of('StructTreeRoot')));
    const parentTree = root instanceof PDFDict ? resolve(pdf, root.get(PDFName.of('ParentTree'))) : undefined;
    const nums = parentTree instanceof PDFDict ? resolve(pdf, parentTree.get(PDFName.of('Nums'))) : undefined;
    const treeKeys = nums instanceof PDFArray ? nums.asArray().filter((_, i) => i % 2 === 0).map(String) : [];
    for (const key of keys) expect(treeKeys).toContain(key);
  });

  it('reads back as each letter’s own words, in order, though both letters name their fonts alike', async () => {
    const text = pdfText(await joinPdfs([await renderPdf(invitationLetter(letterRecord)), await renderPdf(agency)], 'Letters to post: 2'));
    expect(text).not.toContain('\ufffd');
    expect(text.indexOf('Dear Demi Testington,')).toBeGreaterThan(-1);
    expect(text.indexOf('Dear Hana Exampleton,')).toBeGreaterThan(text.indexOf('Dear Demi Testington,'));
  });
});

/** A letter as kept before the PDFs were tagged: the standard Helvetica, not embedded, no structure. */
function keptUntaggedLetter(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const pdf = new PDFKitDocument({ size: 'A4', compress: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.font('Helvetica').text(text);
    pdf.end();
  });
}

describe('letters kept from before the PDFs were tagged', () => {
  it('still read back as their words', async () => {
    expect(pdfText(await keptUntaggedLetter('Dear Demi Testington,'))).toContain('Dear Demi Testington,');
  });

  it('make a batch that does not claim to be tagged, while the tagged letters in it read back too', async () => {
    const batch = await joinPdfs([await keptUntaggedLetter('Dear Old Letterson,'), await renderPdf(invitationLetter(letterRecord))], 'Letters to post: 2');
    const { pdf } = await parse(batch);
    expect(pdf.catalog.get(PDFName.of('MarkInfo'))).toBeUndefined();
    expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeUndefined();
    const text = pdfText(batch);
    expect(text).toContain('Dear Old Letterson,');
    expect(text).toContain('Dear Demi Testington,');
  });
});
