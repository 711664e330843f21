import type { Database, DatabaseHandle } from '../modules/shared/database.js';
import type { Settings } from '../config.js';
import type { SessionRow } from '../modules/accounts/session-store.js';
import type { ApiCaller } from '../modules/api-clients/api-clients.js';
import type { JobWorker } from '../modules/jobs/worker.js';
import type { ActionContext } from '../modules/shared/action-context.js';
import type { Actor } from '../policies/roles.js';

/** A page about one record (`:id`) that may show a notice of what was just done there (`?done=`). */
export type RecordPageRoute = { Params: { id: string }; Querystring: { done?: string } };

/** Who may reach a route. Routes without `access` are refused: deny by default. */
export type RouteAccess = 'public' | 'pending-second-factor' | ((actor: Actor) => boolean);

/** Who a session that has just ended was: a signed-in user, or a report link's holder (issue 17). */
export interface EndedSession {
  userId: string | null;
  reportLinkId: string | null;
  csrfToken: string;
}

export interface Convene {
  settings: Settings;
  database: DatabaseHandle;
  db: Database;
  clock: () => Date;
  /** Every route as registered (method, url, access), for the route-table tests: fuzzing and the access matrix. */
  routes: { method: string; url: string; access: RouteAccess | undefined }[];
  /** Seals secrets at rest (modules/accounts/secret-box.ts). */
  encryptionKey: Buffer;
  /** This process's job worker (modules/jobs), once the app is ready; null when it has no scheduled work. */
  jobs: JobWorker | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    convene: Convene;
  }
  interface FastifyRequest {
    session: SessionRow | null;
    actor: Actor | null;
    /** Signed in with a temporary password: every route but changing it (and signing out) leads there. */
    mustChangePassword: boolean;
    /** A partner agency's system calling the enquiry API with its key (never a browser: no cookies, no CSRF). */
    apiClient: ApiCaller | null;
    /** The session this request's cookie named, when it had just ended (idle or absolute timeout) on a form POST. */
    endedSession: EndedSession | null;
    /** Builds the context every action receives: actor, request id, address, now. */
    actionContext(): ActionContext;
  }
  interface FastifyReply {
    view(template: string, context?: Record<string, unknown>): Promise<FastifyReply>;
    /** A page that is the same for every anonymous visitor but for their CSRF token: rendered once per `key`. */
    viewAnonymous(template: string, context: Record<string, unknown>, key: string): Promise<FastifyReply>;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * Issue 17: the route is one a report link's holder may reach (their agency report). Every
     * other route answers them 404, whatever its `access` says: what they hold is one invitation.
     */
    reportLink?: boolean;
  }
}
