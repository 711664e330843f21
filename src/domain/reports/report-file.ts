import type { RuleProblem as FieldError } from '../rules/rule-problem.js';
import { uploadTypeVerdict, type AcceptedType, type UploadFacts } from '../uploads/accepted-files.js';

/** What an uploaded report may be: documents people write reports in, and photos of handwritten views (RP6). */
export const REPORT_FILE_ACCEPTED: Record<string, AcceptedType> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'], detectedAs: ['application/pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word document', extensions: ['docx'], detectedAs: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  'image/jpeg': { label: 'JPEG photo', extensions: ['jpg', 'jpeg'], detectedAs: ['image/jpeg'] },
  'image/png': { label: 'PNG image', extensions: ['png'], detectedAs: ['image/png'] },
};

export const REPORT_FILE_TYPES: Record<string, string> = Object.fromEntries(Object.entries(REPORT_FILE_ACCEPTED).map(([type, t]) => [type, t.label]));

export const REPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;

export type ReportFile = UploadFacts & { content: Buffer; truncated: boolean };

/** The browser's declared type and the name alone are not trusted: the content must be what they say. */
export function reportFileProblems(file: ReportFile | null): FieldError[] {
  if (!file || file.content.length === 0) return [{ field: 'file', message: 'Choose a file to upload' }];
  if (file.truncated || file.content.length > REPORT_FILE_MAX_BYTES) return [{ field: 'file', message: 'The file must be smaller than 5 MB' }];
  const verdict = uploadTypeVerdict(file, REPORT_FILE_ACCEPTED);
  if (verdict === 'type-not-accepted') return [{ field: 'file', message: 'The file must be a PDF, a Word document (.docx), or a JPEG or PNG photo' }];
  if (verdict === 'content-does-not-match') {
    return [{ field: 'file', message: `The file is not really a ${REPORT_FILE_ACCEPTED[file.fileType]!.label}: its content does not match its name. Upload the ${REPORT_FILE_ACCEPTED[file.fileType]!.label} itself` }];
  }
  return [];
}
