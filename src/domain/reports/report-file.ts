import type { RuleProblem as FieldError } from '../front-door/problems.js';

/** What an uploaded report may be: documents people write reports in, and photos of handwritten views (RP6). */
export const REPORT_FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'image/jpeg': 'JPEG photo',
  'image/png': 'PNG image',
};

export const REPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** The first bytes of each accepted type: the browser's declared type alone is not trusted. */
function looksLike(type: string, content: Buffer): boolean {
  const head = content.subarray(0, 8);
  switch (type) {
    case 'application/pdf': return head.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': return head[0] === 0x50 && head[1] === 0x4b;
    case 'image/jpeg': return head[0] === 0xff && head[1] === 0xd8;
    case 'image/png': return head.subarray(1, 4).toString('latin1') === 'PNG';
    default: return false;
  }
}

export function reportFileProblems(file: { fileName: string; fileType: string; content: Buffer; truncated: boolean } | null): FieldError[] {
  if (!file || file.content.length === 0) return [{ field: 'file', message: 'Choose a file to upload' }];
  if (file.truncated || file.content.length > REPORT_FILE_MAX_BYTES) return [{ field: 'file', message: 'The file must be smaller than 5 MB' }];
  if (!(file.fileType in REPORT_FILE_TYPES) || !looksLike(file.fileType, file.content)) {
    return [{ field: 'file', message: 'The file must be a PDF, a Word document (.docx), or a JPEG or PNG photo' }];
  }
  return [];
}
