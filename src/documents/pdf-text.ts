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
  // Looked up by number, not split up front: an embedded font's bytes may happen to spell "endobj".
  const object = (id: string): string => {
    const at = new RegExp(`(^|\\n)${id} 0 obj\\b`).exec(source)?.index;
    return at === undefined ? '' : source.slice(at, source.indexOf('endobj', at + 1));
  };
  const unicodeOf = new Map<string, Map<number, string>>();
  for (const match of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = object(match[2] ?? '');
    const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    if (cmapRef && !unicodeOf.has(match[1] ?? '')) unicodeOf.set(match[1] ?? '', toUnicodeMap(object(cmapRef)));
  }

  // Each number in a TJ array matches one way only: the fonts' width arrays are long runs of numbers
  // that are not followed by TJ, and an ambiguous pattern would backtrack over them for ever.
  const lines: string[] = [];
  let glyphs: Map<number, string> | undefined;
  for (const match of source.matchAll(/\/(\S+) [\d.]+ Tf|\[((?:\s*(?:<[0-9a-fA-F]*>|-?\d+(?:\.\d+)?(?![\d.])))*\s*)\]\s*TJ/g)) {
    if (match[1] !== undefined) {
      glyphs = unicodeOf.get(match[1]);
      continue;
    }
    let line = '';
    for (const hex of (match[2] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) line += decode(hex[1] ?? '', glyphs);
    lines.push(line);
  }
  return lines.join('\n');
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
