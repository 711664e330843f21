import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { enquiries, recognisedCallers } from '../../db/schema/index.js';
import { checkCaller, normalisePhone } from '../../domain/enquiry/caller.js';
import { mayTakeEnquiries } from '../../policies/enquiries.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import { theAuthority } from './the-authority.js';

const field = (message: string, max: number) => z.string({ error: message }).transform((v) => v.replaceAll('\0', '').trim()).pipe(z.string().min(1, message).max(max, `Enter at most ${max} characters`));

export const callerInput = z.object({
  callerName: field('Enter the caller’s name', 200),
  callerRole: field('Enter the caller’s role, for example police sergeant', 200),
  callerAgency: field('Enter the caller’s agency', 200),
  callbackNumber: field('Enter the number to call them back on', 40),
  unrecognisedReason: z.string().max(2000, 'Enter at most 2000 characters').optional().transform((v) => (v ?? '').replaceAll('\0', '').trim()),
});
export type CallerInput = z.input<typeof callerInput>;

/**
 * RG2: an enquiry starts with who is calling. The call-back number is checked against the
 * directory; an unrecognised number goes ahead only with a stated reason, and is flagged to the
 * designated manager (their work queue lists it).
 */
export async function startEnquiry(db: Database, context: ActionContext, raw: unknown): Promise<{ id: string; recognised: boolean }> {
  const actor = context.actor;
  if (!actor || !mayTakeEnquiries(actor)) throw new ForbiddenError();
  const parsed = callerInput.safeParse(raw ?? {});
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'caller'), message: i.message })));
  const input = parsed.data;
  const phone = normalisePhone(input.callbackNumber);
  if (!phone) throw new ValidationError([{ field: 'callbackNumber', message: 'Enter a UK telephone number with its area code, like 01632 960000' }]);
  const authority = await theAuthority(db);
  const directory = await db.select().from(recognisedCallers).where(eq(recognisedCallers.organisationId, authority.id));
  const check = checkCaller(directory, phone);
  if (!check.recognised && !input.unrecognisedReason) {
    const errors: FieldError[] = [{
      field: 'unrecognisedReason',
      message: 'This number is not in the directory of recognised agencies: say why you are answering (for example, you called the control room back on its published number), or ask the caller for a recognised number',
    }];
    throw new ValidationError(errors);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(enquiries).values({
      organisationId: authority.id, takenBy: actor.id,
      callerName: input.callerName, callerRole: input.callerRole, callerAgency: input.callerAgency, callbackNumber: phone,
      recognisedCallerId: check.recognised ? check.line.id : null, unrecognisedReason: check.recognised ? null : input.unrecognisedReason,
      status: 'open', startedAt: context.now,
    }).returning({ id: enquiries.id });
    await recordAudit(tx, context, {
      action: 'enquiry-started', recordType: 'enquiry', recordId: row!.id,
      details: { callerAgency: input.callerAgency, recognised: check.recognised, ...(check.recognised ? {} : { reason: input.unrecognisedReason }) },
    });
    return { id: row!.id, recognised: check.recognised };
  });
}
