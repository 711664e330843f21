// fontkit (pdfkit's own font reader, a dependency of pdfkit) ships no types; Convene uses one function.
declare module 'fontkit' {
  /** A parsed font: pdfkit embeds a subset of it in each document that uses it. */
  export interface Font {
    layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
  }
  /** A shaped string: pdfkit scales its positions in place, and reads its advance width afterwards. */
  export interface GlyphRun {
    glyphs: unknown[];
    positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
    readonly advanceWidth: number;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
