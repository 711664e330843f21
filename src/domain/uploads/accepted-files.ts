/**
 * What an upload must be, decided from three facts: the type the browser declared, the file name's
 * extension, and the type its content was detected as (by its magic bytes, `file-type`, in the
 * module that accepts it). None of the three is trusted alone: an HTML page named `report.pdf` and
 * sent as `application/pdf` is refused because its bytes are not a PDF's.
 */
export interface AcceptedType {
  label: string;
  /** Lower-case file name endings, without the dot. */
  extensions: readonly string[];
  /** The MIME types `file-type` reports for content of this type. */
  detectedAs: readonly string[];
}

export interface UploadFacts {
  fileName: string;
  fileType: string;
  /** What the content was detected as; null when its bytes match no known type. */
  detectedType: string | null;
}

export type UploadTypeVerdict = 'ok' | 'type-not-accepted' | 'content-does-not-match';

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function uploadTypeVerdict(file: UploadFacts, accepted: Readonly<Record<string, AcceptedType>>): UploadTypeVerdict {
  const declared = Object.hasOwn(accepted, file.fileType) ? accepted[file.fileType] : undefined;
  if (!declared || !declared.extensions.includes(extensionOf(file.fileName))) return 'type-not-accepted';
  if (!file.detectedType || !declared.detectedAs.includes(file.detectedType)) return 'content-does-not-match';
  return 'ok';
}
