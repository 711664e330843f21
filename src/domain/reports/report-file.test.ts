import { describe, expect, it } from 'vitest';
import { reportFileProblems } from './report-file.js';

const pdf = Buffer.from('%PDF-1.7\n...');
const file = (over: Partial<Parameters<typeof reportFileProblems>[0] & object> = {}) =>
  ({ fileName: 'views.pdf', fileType: 'application/pdf', detectedType: 'application/pdf' as string | null, content: pdf, truncated: false, ...over });

describe('an uploaded report (RP2, RP6)', () => {
  it('accepts a PDF, Word document or photo whose bytes match its type', () => {
    expect(reportFileProblems(file())).toEqual([]);
    expect(reportFileProblems(file({ fileName: 'drawing.PNG', fileType: 'image/png', detectedType: 'image/png' }))).toEqual([]);
    expect(reportFileProblems(file({ fileName: 'photo.jpeg', fileType: 'image/jpeg', detectedType: 'image/jpeg' }))).toEqual([]);
    const word = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(reportFileProblems(file({ fileName: 'HV report.docx', fileType: word, detectedType: word }))).toEqual([]);
  });
  it('refuses no file, a file too big, another type, or a file pretending to be a PDF', () => {
    expect(reportFileProblems(null)[0]?.message).toBe('Choose a file to upload');
    expect(reportFileProblems(file({ truncated: true }))[0]?.message).toBe('The file must be smaller than 5 MB');
    expect(reportFileProblems(file({ fileName: 'page.html', fileType: 'text/html', detectedType: null }))[0]?.field).toBe('file');
    // An HTML page or a program named .pdf and sent as a PDF: its content says otherwise.
    expect(reportFileProblems(file({ detectedType: null }))[0]?.message).toBe('The file is not really a PDF: its content does not match its name. Upload the PDF itself');
    expect(reportFileProblems(file({ detectedType: 'application/x-msdownload' }))[0]?.message).toContain('not really a PDF');
    // A real PDF whose name says it is something else, or has no extension.
    expect(reportFileProblems(file({ fileName: 'views.exe' }))[0]?.message).toContain('must be a PDF');
    expect(reportFileProblems(file({ fileName: 'views' }))[0]?.message).toContain('must be a PDF');
    // A PNG sent as a JPEG.
    expect(reportFileProblems(file({ fileName: 'photo.jpg', fileType: 'image/jpeg', detectedType: 'image/png' }))[0]?.message).toContain('not really a JPEG photo');
  });
});
