import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { organisations, teams, users } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import type { RoleId } from '../../src/policies/roles.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;

export async function createOrganisation(db: Database, values: Partial<typeof organisations.$inferInsert> = {}) {
  const [row] = await db
    .insert(organisations)
    .values({ name: `Test Authority ${randomBytes(3).toString('hex')}`, kind: 'local-authority', ...values })
    .returning();
  return row!;
}

export async function createTeam(db: Database, organisationId: string, name = `Team ${randomBytes(3).toString('hex')}`) {
  const [row] = await db.insert(teams).values({ organisationId, name }).returning();
  return row!;
}

export async function createUser(
  db: Database,
  values: { roles: RoleId[]; organisationId?: string; username?: string; password?: string } & Partial<typeof users.$inferInsert>,
) {
  const organisationId = values.organisationId ?? (await createOrganisation(db)).id;
  const passwordHash = values.password ? await hashPassword(values.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const { password: _password, ...rest } = values;
  const [row] = await db
    .insert(users)
    .values({
      username: values.username ?? `user-${randomBytes(4).toString('hex')}`,
      displayName: 'Test Person',
      ...rest,
      organisationId,
      passwordHash,
    })
    .returning();
  return row!;
}
