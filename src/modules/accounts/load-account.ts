import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/** What the account pages show a person about themselves; never the password hash or the sealed seed. */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
}

export async function loadAccount(db: Queryable, userId: string): Promise<AccountView | null> {
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, mustChangePassword: users.mustChangePassword, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
