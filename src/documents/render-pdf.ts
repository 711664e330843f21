import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create as readFont, type Font, type GlyphRun } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Block, DocumentModel } from './document-model.js';
import { documentLanguage } from './family-language.js';

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

const FONTS = fileURLToPath(new URL('./fonts/', import.meta.url));
/** Liberation Sans (SIL OFL 1.1, licence beside it): embedded, so the letter prints the same on any machine and a PDF/UA checker accepts it. */
const REGULAR = `${FONTS}LiberationSans-Regular.ttf`;
const BOLD = `${FONTS}LiberationSans-Bold.ttf`;

/**
 * The two fonts, read and parsed once per process. Given a path, pdfkit reads and parses the font
 * file again for every document (three times a letter), which was a quarter of the CPU of a
 * simulated year and most of a letter's cost; each document still embeds only its own subset.
 * pdfkit takes a parsed fontkit font where its types say a path or bytes.
 */
let parsedFonts: { regular: Font; bold: Font } | null = null;
function fonts(): { regular: string; bold: string } {
  parsedFonts ??= { regular: shapingOnce(readFont(readFileSync(REGULAR))), bold: shapingOnce(readFont(readFileSync(BOLD))) };
  return parsedFonts as unknown as { regular: string; bold: string };
}

/** Enough words for every letter of a large authority's day; past it the cache starts again. */
const SHAPED_WORDS_KEPT = 50_000;

/**
 * Shaping a word (fontkit's OpenType layout) was a third of a letter's CPU, and pdfkit keeps the
 * shapes only for one document, so the same words were shaped again in every letter: the font keeps
 * them for the process. pdfkit scales a shape's positions in place, so each caller gets its own copy
 * of the positions; the glyphs are fontkit's own, shared by every document already.
 */
function shapingOnce(font: Font): Font {
  const layout = font.layout.bind(font);
  const shapes = new Map<string, GlyphRun>();
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = shapes.get(text);
    if (!run) {
      if (shapes.size >= SHAPED_WORDS_KEPT) shapes.clear();
      run = layout(text);
      shapes.set(text, run);
    }
    return copyOfRun(run);
  };
  return font;
}

function copyOfRun(run: GlyphRun): GlyphRun {
  return {
    glyphs: run.glyphs.slice(),
    positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
    get advanceWidth() {
      let width = 0;
      for (const p of this.positions) width += p.xAdvance;
      return width;
    },
  };
}

type Struct = PDFKit.PDFStructureElement;

/**
 * A plain, accessible A4 PDF (PDF/UA): tagged, so a screen reader follows the document's own
 * structure (the title as H1, headings as H2, paragraphs, lists, tables whose header cells head
 * their rows or columns) while the marking and page numbers on every page are page furniture
 * (artifacts) outside the reading order; title and language in its metadata; fonts embedded.
 */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4', margin: MARGIN, compress: false, info: { Title: doc.title, Author: 'Convene' }, displayTitle: true, lang: documentLanguage(doc), bufferPages: true,
      tagged: true, pdfVersion: '1.7', subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets, font: null as unknown as string,
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    // pdfkit keeps a document's open fonts by the name they were asked for (or their family), and opens
    // a font it has not kept again, starting a new subset and comparing the two fonts' name tables as
    // JSON. So the default font is chosen by name, not given as the parsed font, and each font is
    // registered with a family: a table puts the font back after every cell by the parsed font and its
    // family, which without one opened the font again (a letter did that about 60 times).
    pdf.registerFont('Regular', fonts().regular, 'Regular');
    pdf.registerFont('Bold', fonts().bold, 'Bold');
    pdf.font('Regular');
    const width = pdf.page.width - 2 * MARGIN;
    const bottom = () => pdf.page.height - pdf.page.margins.bottom;
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    /** Where the tags of the text being printed go: the document, or one language's section of it. */
    let parent: Struct = root;

    /** One structure element whose content is what `draw` prints (pdfkit marks it as it draws). */
    const tag = (type: string, draw: () => void) => parent.add(pdf.struct(type, {}, draw));

    /** A heading never sits alone at the foot of a page: it moves over with the text it introduces. */
    const keepWithNext = (space: number) => {
      if (pdf.y + space > bottom()) pdf.addPage();
    };

    const print = (block: Block) => {
      switch (block.type) {
        case 'heading':
          keepWithNext(70);
          pdf.moveDown(0.5);
          tag('H2', () => pdf.font('Bold').fontSize(13).text(block.text));
          pdf.moveDown(0.3);
          break;
        case 'paragraph':
          tag('P', () => pdf.font('Regular').fontSize(11).text(keepTogether(block.text)));
          pdf.moveDown(0.5);
          break;
        case 'lines':
          keepWithNext(block.lines.length * 14);
          // An address or a signature is one paragraph of short lines, read as one.
          tag('P', () => {
            pdf.font('Regular').fontSize(11);
            for (const line of block.lines) pdf.text(keepTogether(line));
          });
          pdf.moveDown(0.8);
          break;
        case 'list': {
          const list = pdf.struct('L');
          parent.add(list);
          pdf.font('Regular').fontSize(11).list(block.items.map(keepTogether), { bulletRadius: 2, structParent: list });
          list.end();
          pdf.moveDown(0.5);
          break;
        }
        case 'keyValue':
          // A two-column table: the label (a row header) and its value, which wraps in its own column.
          pdf.font('Regular').fontSize(11);
          pdf.table({
            structParent: parent,
            columnStyles: [Math.min(130, width * 0.3), '*'],
            defaultStyle: { border: 0, padding: [1, 6, 1, 0] },
            data: block.rows.map(([k, v]) => [
              { text: k, type: 'TH' as const, scope: 'row' as const, font: { src: 'Bold' } },
              { text: keepTogether(v), font: { src: 'Regular' } },
            ]),
          } as PDFKit.Mixins.TableOptionsWithData & { structParent: Struct });
          pdf.x = MARGIN;
          pdf.moveDown(0.5);
          break;
        case 'table':
          keepWithNext(60);
          pdf.font('Regular').fontSize(10);
          pdf.table({
            structParent: parent,
            defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0.5 }, borderColor: RULE, padding: [3, 6, 3, 0] },
            data: [
              block.head.map((h) => ({ text: h, type: 'TH' as const, scope: 'column' as const, font: { src: 'Bold' } })),
              ...block.rows.map((r) => r.map((c) => ({ text: keepTogether(c), font: { src: 'Regular' } }))),
            ],
          } as PDFKit.Mixins.TableOptionsWithData & { structParent: Struct });
          pdf.x = MARGIN;
          pdf.moveDown(0.5);
          break;
      }
    };

    const printPart = (part: DocumentModel) => {
      for (const block of part.preamble ?? []) print(block);
      if (part.preamble?.length) pdf.moveDown(0.5);
      tag('H1', () => pdf.font('Bold').fontSize(18).text(part.title));
      if (part.subtitle) tag('P', () => pdf.font('Regular').fontSize(12).fillColor(GREY).text(part.subtitle ?? '').fillColor('black'));
      pdf.moveDown();
      for (const block of part.blocks) print(block);
      if (part.footer) {
        pdf.moveDown();
        tag('P', () => pdf.font('Regular').fontSize(9).fillColor(GREY).text(keepTogether(part.footer ?? '')).fillColor('black'));
      }
    };

    // Issue 14: a document in two languages is one file, each language a section (Sect) marked
    // with its own language, so a screen reader switches voice; the second starts on a new page.
    const parts: DocumentModel[] = [];
    for (let part: DocumentModel | undefined = doc; part; part = part.followedBy) parts.push(part);
    /** The first page of each part, for the marking printed on its pages. */
    const firstPages: number[] = [];
    for (const [n, part] of parts.entries()) {
      if (n > 0) pdf.addPage();
      firstPages.push(pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1);
      if (parts.length > 1) {
        parent = pdf.struct('Sect', { lang: documentLanguage(part) } as PDFKit.Mixins.StructureElementOptions & { lang: string });
        root.add(parent);
      }
      printPart(part);
      if (parent !== root) parent.end();
    }
    root.end();

    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      const part = parts[firstPages.filter((p) => p <= i).length - 1] ?? doc;
      // The marking and the page number repeat on every page: furniture a screen reader skips, not text to read each time.
      if (part.marking) {
        pdf.markContent('Artifact', { type: 'Pagination' });
        pdf.font('Bold').fontSize(10).fillColor('#d4351c').text(part.marking, MARGIN, 24, { lineBreak: false }).fillColor('black');
        pdf.endMarkedContent();
      }
      pdf.markContent('Artifact', { type: 'Pagination' });
      // A page in another language is numbered in figures only ("2 / 4"), which every language reads.
      const number = documentLanguage(part).startsWith('en') ? `Page ${i + 1} of ${range.count}` : `${i + 1} / ${range.count}`;
      pdf.font('Regular').fontSize(8).text(number, MARGIN, pdf.page.height - 40, { lineBreak: false });
      pdf.endMarkedContent();
    }
    pdf.end();
  });
}
