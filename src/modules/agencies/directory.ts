import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organisations, professionals, users } from '../../db/schema/index.js';
import { mayManageAgencies, mayManageProfessionals } from '../../policies/agencies.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { keysOf } from '../../domain/choices.js';

export const AGENCY_KIND_LABELS = {
  'local-authority': 'Local authority', police: 'Police', health: 'Health', education: 'Education', housing: 'Housing',
  probation: 'Probation', voluntary: 'Voluntary sector', other: 'Other',
};
export const AGENCY_KINDS = keysOf(AGENCY_KIND_LABELS);
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface AgencyInput {
  name: string;
  kind: AgencyKind;
  secureEmail: string | null;
  phone: string | null;
}

export interface ProfessionalInput {
  name: string;
  role: string;
  secureEmail: string | null;
  phone: string | null;
  userId: string | null;
  active: boolean;
}

export async function listAgencies(db: Database) {
  return db
    .select({
      id: organisations.id, name: organisations.name, kind: organisations.kind, secureEmail: organisations.secureEmail, phone: organisations.phone,
      practitioners: sql<number>`(select count(*)::int from ${professionals} where ${professionals.organisationId} = ${organisations.id} and ${professionals.active})`,
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export async function loadAgency(db: Database, id: string) {
  const [agency] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!agency) return null;
  const staff = await db.select().from(professionals).where(eq(professionals.organisationId, id)).orderBy(asc(professionals.name));
  const accounts = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.organisationId, id)).orderBy(asc(users.displayName));
  return { agency, staff, accounts };
}

export async function addAgency(db: Database, context: ActionContext, input: AgencyInput): Promise<string> {
  if (!mayManageAgencies(context.actor)) throw new ForbiddenError();
  const [same] = await db.select({ id: organisations.id }).from(organisations).where(sql`lower(${organisations.name}) = lower(${input.name})`);
  if (same) throw new ValidationError([{ field: 'name', message: 'An agency with this name already exists' }]);
  return db.transaction(async (tx) => {
    // One authority per deployment (README, "One authority per deployment"): the local authority
    // owns every case here, so a second one would be a tenant nothing keeps apart. Checked inside
    // the transaction, under a lock on the organisations table, so two administrators cannot both add one.
    if (input.kind === 'local-authority') {
      await tx.execute(sql`lock table ${organisations} in share row exclusive mode`);
      const [authority] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'local-authority'));
      if (authority) throw new ValidationError([{ field: 'kind', message: 'This Convene already serves a local authority: add partner agencies only (each authority runs its own Convene)' }]);
    }
    const [row] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
    if (!row) throw new Error('agency insert returned nothing');
    await recordAudit(tx, context, { action: 'agency-added', recordType: 'organisation', recordId: row.id });
    return row.id;
  });
}

async function checkAccount(db: Database, organisationId: string, userId: string | null): Promise<void> {
  if (!userId) return;
  const [account] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  if (!account) throw new ValidationError([{ field: 'userId', message: 'Choose a Convene account from this agency' }]);
}

export async function addProfessional(db: Database, context: ActionContext, organisationId: string, input: ProfessionalInput): Promise<string> {
  if (!mayManageProfessionals(context.actor)) throw new ForbiddenError();
  const [agency] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
  if (!agency) throw new NotFoundError('That agency does not exist.');
  await checkAccount(db, organisationId, input.userId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(professionals).values({ organisationId, ...input }).returning({ id: professionals.id });
    if (!row) throw new Error('professional insert returned nothing');
    await recordAudit(tx, context, { action: 'professional-added', recordType: 'professional', recordId: row.id });
    return row.id;
  });
}

export async function updateProfessional(db: Database, context: ActionContext, professionalId: string, input: ProfessionalInput): Promise<string> {
  if (!mayManageProfessionals(context.actor)) throw new ForbiddenError();
  const [current] = await db.select().from(professionals).where(eq(professionals.id, professionalId));
  if (!current) throw new NotFoundError('That practitioner does not exist.');
  await checkAccount(db, current.organisationId, input.userId);
  await db.transaction(async (tx) => {
    const [row] = await tx.update(professionals).set(input).where(eq(professionals.id, professionalId)).returning({ id: professionals.id });
    if (!row) throw new ConflictError('The practitioner was removed while you were editing.');
    await recordAudit(tx, context, { action: 'professional-changed', recordType: 'professional', recordId: professionalId, details: { active: input.active } });
  });
  return current.organisationId;
}
