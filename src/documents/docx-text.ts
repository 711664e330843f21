import { inflateRawSync } from 'node:zlib';

/** One file from a zip (a .docx is one), by name: enough of the format to read back what we wrote. */
export function zipEntry(zip: Buffer, name: string): Buffer | null {
  // The end-of-central-directory record: the last 22+ bytes, signature 0x06054b50.
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The words of a Word file we rendered, a paragraph a line; with the heading style of each paragraph when asked. */
export function docxParagraphs(docx: Buffer): { style: string | null; text: string }[] {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';
  const paragraphs: { style: string | null; text: string }[] = [];
  for (const p of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const body = p[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescapeXml(m[1]))).join('');
    paragraphs.push({ style, text });
  }
  return paragraphs;
}

/** The text of the page headers (where a marking such as "FAMILY COPY" is printed) and of the body. */
export function docxText(docx: Buffer): string {
  const headers = [1, 2, 3].map((n) => zipEntry(docx, `word/header${n}.xml`)?.toString('utf8') ?? '')
    .flatMap((xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')));
  return [...headers, ...docxParagraphs(docx).map((p) => p.text)].join('\n');
}
