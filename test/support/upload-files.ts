import { expect } from 'vitest';

/**
 * Small synthetic files whose first bytes are what `file-type` recognises, for upload tests, and
 * crafted ones that lie about what they are.
 */
export const UPLOAD_FILES = {
  pdf: Buffer.from('%PDF-1.4\n% a synthetic report\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]), Buffer.alloc(24)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF'), Buffer.alloc(40)]),
  /** An MPEG audio frame header after an ID3 tag, then silence. */
  mp3: (words = 'a synthetic recording') => Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(400), Buffer.from(words)]),
  mp4: Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(12)]),
  wav: Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(24)]),
  webm: Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]), Buffer.alloc(64)]),
  /** Hostile: a web page with a script, to be sent named .pdf or .mp3. */
  html: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
  /** Hostile: a Windows program's header. */
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(100)]),
};

/** A crafted upload: its name, the type it declares, its bytes, and the words of the refusal it must get. */
export type CraftedUpload = readonly [filename: string, contentType: string, content: Buffer, refusal: string];

/**
 * Sends each crafted upload (as the form's `file` field) and expects it refused, 400, with its own
 * refusal's words and any `alsoShows` (the same for every one).
 */
export async function expectEachUploadRefused(
  crafted: readonly CraftedUpload[],
  send: (file: { field: string; filename: string; contentType: string; content: Buffer }) => Promise<{ statusCode: number; body: string }>,
  alsoShows: readonly string[] = [],
): Promise<void> {
  for (const [filename, contentType, content, refusal] of crafted) {
    const refused = await send({ field: 'file', filename, contentType, content });
    expect(refused.statusCode, filename).toBe(400);
    expect(refused.body).toContain(refusal);
    for (const words of alsoShows) expect(refused.body).toContain(words);
  }
}
