import { z } from 'zod';

export const requestForm = z.object({
  invitationId: z.string({ error: 'Select who asked, from those invited' }).uuid('Select who asked, from those invited'),
  howAsked: z.string().trim().max(1000).optional().default(''),
  requestedOn: z.string().trim().optional().default(''),
});

export const releaseForm = z.object({
  decision: z.enum(['release', 'refuse'], { error: 'Select whether you release a copy' }),
  recordingId: z.string().optional().transform((v) => (v ? v : null)),
  noRedactionReason: z.string().trim().max(2000).optional().transform((v) => (v ? v : null)),
  refusalReasons: z.string().trim().max(2000).optional().transform((v) => (v ? v : null)),
  version: z.coerce.number().int().min(1),
});

export const uploadFields = z.object({
  kind: z.enum(['original', 'redacted'], { error: 'Select whether this is the recording or a redacted copy' }),
  redactedForInvitationId: z.string().optional().transform((v) => (v ? v : null)),
  description: z.string().trim().max(500).optional().default(''),
});
