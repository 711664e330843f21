import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A file as a page hands it to a module: what the browser said it is, and its bytes. */
export interface UploadedFile {
  fileName: string;
  fileType: string;
  content: Buffer;
  /** Cut short at the size limit: the module refuses it with a field message, not a 413 page. */
  truncated: boolean;
}

interface FilePart { type: 'file'; filename: string; mimetype: string; file: { truncated: boolean }; toBuffer(): Promise<Buffer> }
interface FieldPart { type: 'field'; value: unknown }

export interface UploadLimits {
  /** Largest file accepted, in bytes; a bigger one arrives truncated. */
  maxFileBytes: number;
  /** Ordinary fields the form has, the CSRF token among them. */
  maxFields: number;
}

/**
 * Multipart parsing for one page's upload routes, confined to `scope` (the rest of the app accepts
 * no multipart): one file, a few short fields, each limited, and the parts flattened into an
 * ordinary body before the CSRF check, so the token travels as a field and the input guard sees
 * every text field. The file's type is checked by its content in the module that keeps it
 * (`src/modules/shared/detect-file-type.ts`): the name and the declared type are what the user says.
 */
export async function setUpUploads(scope: FastifyInstance, limits: UploadLimits): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: true,
    // Too big is a field message ("must be smaller than …") on the page, with everything typed kept.
    throwFileSizeLimit: false,
    limits: { fileSize: limits.maxFileBytes, files: 1, fields: limits.maxFields, parts: limits.maxFields + 1, fieldSize: 64 * 1024, fieldNameSize: 100, headerPairs: 50 },
  });
  scope.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.isMultipart()) return;
    const body = request.body as Record<string, FieldPart | FilePart> | undefined;
    if (!body || typeof body !== 'object') return;
    const flat: Record<string, unknown> = {};
    for (const [name, part] of Object.entries(body)) {
      if (part?.type === 'field') flat[name] = part.value;
      else if (part?.type === 'file') {
        const content = await part.toBuffer().catch(() => Buffer.alloc(0));
        const file: UploadedFile = { fileName: part.filename, fileType: part.mimetype, content, truncated: part.file.truncated };
        flat[name] = file;
      }
    }
    request.body = flat;
  });
}

/** The uploaded file in the flattened body's `name` field; null when none was chosen (or it was empty). */
export function uploadedFile(body: unknown, name = 'file'): UploadedFile | null {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  if (!value || typeof value !== 'object' || !Buffer.isBuffer((value as UploadedFile).content)) return null;
  const file = value as UploadedFile;
  return file.content.length > 0 || file.truncated ? file : null;
}
