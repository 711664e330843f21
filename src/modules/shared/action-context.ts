import type { Actor } from '../../policies/roles.js';

/** Who is acting and from where: every action receives this and passes it to the audit. */
export interface ActionContext {
  actor: Actor | null;
  requestId: string | null;
  address: string | null;
  now: Date;
}

/** For the CLI and background jobs, which act as the system itself. */
export function systemContext(now: Date): ActionContext {
  return { actor: null, requestId: null, address: 'local', now };
}
