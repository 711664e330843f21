import { describe, expect, it } from 'vitest';
import { reportFileProblems } from './report-file.js';

const pdf = Buffer.from('%PDF-1.7\n...');
const file = (over: Partial<{ fileName: string; fileType: string; content: Buffer; truncated: boolean }> = {}) => ({ fileName: 'views.pdf', fileType: 'application/pdf', content: pdf, truncated: false, ...over });

describe('an uploaded report (RP2, RP6)', () => {
  it('accepts a PDF, Word document or photo whose bytes match its type', () => {
    expect(reportFileProblems(file())).toEqual([]);
    expect(reportFileProblems(file({ fileType: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]) }))).toEqual([]);
  });
  it('refuses no file, a file too big, another type, or a file pretending to be a PDF', () => {
    expect(reportFileProblems(null)[0]?.message).toBe('Choose a file to upload');
    expect(reportFileProblems(file({ truncated: true }))[0]?.message).toBe('The file must be smaller than 5 MB');
    expect(reportFileProblems(file({ fileType: 'text/html', content: Buffer.from('<html>') }))[0]?.field).toBe('file');
    expect(reportFileProblems(file({ content: Buffer.from('MZ executable') }))[0]?.message).toContain('must be a PDF');
  });
});
