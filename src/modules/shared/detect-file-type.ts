import { fileTypeFromBuffer } from 'file-type';

/**
 * The MIME type an uploaded file's content is, read from its magic bytes (and, for Word
 * documents, the entries of its zip) by `file-type`; null when it matches no known type. The
 * browser's declared type and the file name are what the user says; this is what the file is.
 */
export async function detectFileType(content: Buffer): Promise<string | null> {
  if (content.length === 0) return null;
  try {
    return (await fileTypeFromBuffer(content))?.mime ?? null;
  } catch {
    // A malformed container (a broken zip, say) is no known type.
    return null;
  }
}
