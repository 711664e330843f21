/**
 * The words in a PDF we rendered (uncompressed, standard fonts): each TJ array's hex strings,
 * joined. Used by tests and checks that a family copy carries no confidential text.
 * Kerning gaps inside a word are dropped, so "Secret police" reads back whole.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    const body = match[1] ?? '';
    let line = '';
    for (const hex of body.matchAll(/<([0-9a-fA-F]*)>/g)) line += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join('\n');
}
