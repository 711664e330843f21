import { randomBytes } from 'node:crypto';
import { organisations, teams, users } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash = null;
export async function createOrganisation(db, values = {}) {
    const [row] = await db
        .insert(organisations)
        .values({ name: `Test Authority ${randomBytes(3).toString('hex')}`, kind: 'local-authority', ...values })
        .returning();
    return row;
}
export async function createTeam(db, organisationId, name = `Team ${randomBytes(3).toString('hex')}`) {
    const [row] = await db.insert(teams).values({ organisationId, name }).returning();
    return row;
}
export async function createUser(db, values) {
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
    return row;
}
//# sourceMappingURL=factories.js.map