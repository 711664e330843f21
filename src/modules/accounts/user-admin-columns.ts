import { getTableColumns } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';

// Administrators' pages show and edit a user, never their credentials: the hash, the sealed
// authenticator seed and the recovery-code hashes stay out of every view model.
const { passwordHash: _hash, totpSecret: _seed, totpLastStep: _step, recoveryCodes: _codes, ...shown } = getTableColumns(users);

export const userAdminColumns = shown;
