import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/client.js';
import { recognisedCallers } from '../../db/schema/index.js';
import { normalisePhone } from '../../domain/enquiry/caller.js';
import { mayKeepRecognisedCallers } from '../../policies/enquiries.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { theAuthority } from './the-authority.js';

export const AGENCY_KINDS = { police: 'Police', health: 'Health', 'out-of-hours': 'Out-of-hours service', other: 'Other' } as const;

export const recognisedCallerInput = z.object({
  agency: z.string().trim().min(1, 'Enter the agency and desk, for example the police control room').max(200, 'Enter at most 200 characters'),
  agencyKind: z.enum(Object.keys(AGENCY_KINDS) as [keyof typeof AGENCY_KINDS], { error: 'Select the kind of agency' }),
  phone: z.string().trim().min(1, 'Enter the call-back number').max(40, 'Enter at most 40 characters'),
});

export async function listRecognisedCallers(db: Queryable) {
  const authority = await theAuthority(db);
  return db.select().from(recognisedCallers).where(eq(recognisedCallers.organisationId, authority.id)).orderBy(asc(recognisedCallers.agency));
}

/** RG2: adds a recognised agency line; the number is kept in one national form. */
export async function addRecognisedCaller(db: Database, context: ActionContext, input: z.infer<typeof recognisedCallerInput>): Promise<string> {
  if (!context.actor || !mayKeepRecognisedCallers(context.actor)) throw new ForbiddenError();
  const phone = normalisePhone(input.phone);
  if (!phone) throw new ValidationError([{ field: 'phone', message: 'Enter a UK telephone number with its area code, like 01632 960000' }]);
  const authority = await theAuthority(db);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(recognisedCallers).values({
      organisationId: authority.id, agency: input.agency, agencyKind: input.agencyKind, phone, addedBy: context.actor!.id, addedAt: context.now,
    }).onConflictDoNothing().returning({ id: recognisedCallers.id });
    if (!row) throw new ConflictError('That number is already in the directory.');
    await recordAudit(tx, context, { action: 'recognised-caller-added', recordType: 'recognised-caller', recordId: row.id, details: { agency: input.agency, phone } });
    return row.id;
  });
}

/** Stops a number being recognised (kept, so past enquiries still show who was recognised). */
export async function setRecognisedCallerActive(db: Database, context: ActionContext, id: string, active: boolean): Promise<void> {
  if (!context.actor || !mayKeepRecognisedCallers(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(recognisedCallers).set({ active })
      .where(and(eq(recognisedCallers.id, id), eq(recognisedCallers.organisationId, (await theAuthority(tx)).id))).returning({ id: recognisedCallers.id });
    if (!row) throw new NotFoundError('We could not find that number.');
    await recordAudit(tx, context, { action: active ? 'recognised-caller-restored' : 'recognised-caller-withdrawn', recordType: 'recognised-caller', recordId: id });
  });
}
