import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';

async function all(text: string, chunkSize = 3) {
  const chunks = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  const out = [];
  for await (const r of readCsv((async function* () { yield* chunks; })())) out.push(r);
  return out;
}

describe('reading CSV', () => {
  it('reads plain and quoted fields, with commas, doubled quotes and line breaks inside quotes', async () => {
    const records = await all('a,b,c\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n\n3,,z');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', ''] },
      { line: 6, fields: ['3', '', 'z'] },
    ]);
  });
  it('does not depend on where the chunks break', async () => {
    const text = 'id,name\n"1","O\'Brien, ""Pat"""\n';
    for (const size of [1, 2, 5, 100]) expect(await all(text, size)).toEqual([{ line: 1, fields: ['id', 'name'] }, { line: 2, fields: ['1', 'O\'Brien, "Pat"'] }]);
  });
});
