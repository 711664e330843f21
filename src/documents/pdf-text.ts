/**
 * The words in a PDF we rendered (uncompressed): each TJ array's strings, joined, a line per TJ.
 * Used by tests and checks that a family copy carries no confidential text.
 * Kerning gaps inside a word are dropped, so "Secret police" reads back whole.
 *
 * Our PDFs embed their fonts, so a TJ string holds glyph numbers, not letters: each font's
 * ToUnicode map (which a screen reader uses too) turns them back into text. PDFs kept from before
 * the fonts were embedded used the standard fonts, whose strings are the letters themselves.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const cache = new Map<string, string>();
  // Looked up by number, not split up front: an embedded font's bytes may happen to spell "endobj".
  const object = (id: string): string => {
    let body = cache.get(id);
    if (body === undefined) {
      const at = new RegExp(`(^|\\n)${id} 0 obj\\b`).exec(source)?.index;
      body = at === undefined ? '' : source.slice(at, source.indexOf('endobj', at + 1));
      cache.set(id, body);
    }
    return body;
  };
  const refs = (text: string): string[] => [...text.matchAll(/(\d+) 0 R/g)].map((m) => m[1] ?? '');
  const maps = new Map<string, Map<number, string>>();
  const unicodeOf = (fontId: string) => {
    let map = maps.get(fontId);
    if (!map) {
      const cmap = /\/ToUnicode (\d+) 0 R/.exec(object(fontId))?.[1];
      map = cmap ? toUnicodeMap(object(cmap)) : new Map<number, string>();
      maps.set(fontId, map);
    }
    return map.size > 0 ? map : undefined;
  };

  // Page by page, each with its own fonts: a printed batch joins letters whose fonts share a name (F1) but not their glyph numbers.
  const pages: string[] = [];
  const walk = (id: string): void => {
    const node = object(id);
    if (/\/Type\s*\/Pages\b/.test(node)) refs(/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').forEach(walk);
    else if (/\/Type\s*\/Page\b/.test(node)) pages.push(id);
  };
  const catalog = /\/Type\s*\/Catalog\b[\s\S]*?>>/.exec(source)?.[0] ?? '';
  const root = /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  if (root) walk(root);

  const lines: string[] = [];
  for (const page of pages) {
    const body = object(page);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(body)?.[1] ?? '';
    const resourcesRef = /\/Resources (\d+) 0 R/.exec(body)?.[1];
    const resources = resourcesRef ? object(resourcesRef) : body;
    const fontRef = /\/Font (\d+) 0 R/.exec(resources)?.[1];
    const fontDict = fontRef ? object(fontRef) : /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
    for (const stream of refs(contents)) readText(object(stream), (name) => unicodeOf(fonts.get(name) ?? ''), lines);
  }
  if (pages.length === 0) readText(source, () => undefined, lines);
  return lines.join('\n');
}

/** Each TJ array of a content stream as a line, its glyphs decoded with the font last selected (Tf). */
function readText(content: string, fontNamed: (name: string) => Map<number, string> | undefined, lines: string[]): void {
  let glyphs: Map<number, string> | undefined;
  // Each number in a TJ array matches one way only: a font's width array is a long run of numbers
  // not followed by TJ, and an ambiguous pattern would backtrack over it for ever.
  for (const match of content.matchAll(/\/(\S+) [\d.]+ Tf|\[((?:\s*(?:<[0-9a-fA-F]*>|-?\d+(?:\.\d+)?(?![\d.])))*\s*)\]\s*TJ/g)) {
    if (match[1] !== undefined) {
      glyphs = fontNamed(match[1]);
      continue;
    }
    let line = '';
    for (const hex of (match[2] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) line += decode(hex[1] ?? '', glyphs);
    lines.push(line);
  }
}

function decode(hex: string, glyphs: Map<number, string> | undefined): string {
  if (!glyphs) return Buffer.from(hex, 'hex').toString('latin1');
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += glyphs.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
  return text;
}

/** A ToUnicode CMap's bfrange and bfchar entries: glyph code to the text it shows (UTF-16BE, a ligature may be two letters). */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
    const start = parseInt(range[1] ?? '', 16);
    const end = parseInt(range[2] ?? '', 16);
    const target = range[3] ?? '';
    if (target.startsWith('[')) {
      [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((t, i) => map.set(start + i, utf16(t[1] ?? '')));
    } else {
      const first = parseInt(target.slice(1, -1), 16);
      for (let code = start; code <= end; code += 1) map.set(code, String.fromCharCode(first + code - start));
    }
  }
  return map;
}
