// fontkit (pdfkit's own font reader, a dependency of pdfkit) ships no types; Convene uses one function.
declare module 'fontkit' {
  /** A parsed font: pdfkit embeds a subset of it in each document that uses it. */
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
