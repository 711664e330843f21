import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import type { PackId } from '../../src/domain/packs/pack-id.js';
import type { RoleId } from '../../src/policies/roles.js';
import { testApp, TestClock } from './app.js';
import type { Engine } from './database.js';
import { createOrganisation, createUser, TEST_PASSWORD } from './factories.js';
import { suiteDatabase, type SuiteDatabase } from './suite-database.js';
import { WebClient } from './web-client.js';

export interface SignedInAppOptions {
  /** The app's clock, for suites that move time on; otherwise a clock stopped at `at`. */
  clock?: TestClock;
  /** The instant a stopped clock shows; TestClock's default when neither is given. */
  at?: string | Date;
  env?: NodeJS.ProcessEnv;
  /** Staff seeded before the tests, in one organisation: username → roles. */
  staff?: Record<string, RoleId[]>;
  /**
   * The demo authority seeded before the app starts, as `npm start` seeds it: its users sign in with
   * TEST_PASSWORD; `now` is the seed's "today" (the app's clock otherwise); the pack is also the app's.
   */
  demo?: { now?: Date; pack?: PackId };
}

export type StaffMember = Awaited<ReturnType<typeof createUser>>;

export interface SignedInApp extends SuiteDatabase {
  readonly clock: TestClock;
  app(): FastifyInstance;
  /** The organisation the `staff` were made in (made only when staff are named). */
  orgId(): string;
  /** One of the named staff, as made. */
  staffMember(username: string): StaffMember;
  /** A fresh browser signed in as the user (a username or a user made by a factory); a refused sign-in stops the test there rather than later on a page. */
  signedIn(user: string | { username: string }): Promise<WebClient>;
  /** One browser signed in as one of the named staff before the tests, for suites that act as one person throughout. */
  sessionOf(username: string): () => WebClient;
}

/**
 * What a page test needs around its tests: a fresh database on the engine, the app on it at a
 * fixed instant, the named staff, and a way to sign any of them in. Call it first in the describe.
 */
export function signedInApp(engine: Engine, options: SignedInAppOptions = {}): SignedInApp {
  const database = suiteDatabase(engine);
  const clock = options.clock ?? (options.at ? new TestClock(new Date(options.at)) : new TestClock());
  let app: FastifyInstance | undefined;
  let orgId: string | undefined;
  const staff = new Map<string, StaffMember>();
  const opened = (): FastifyInstance => {
    if (!app) throw new Error('The app is used before its beforeAll ran');
    return app;
  };
  beforeAll(async () => {
    if (options.demo) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-demo-pages-'));
      await seedDemo(database.db(), { password: TEST_PASSWORD, dataDir, now: options.demo.now ?? clock.now(), pack: options.demo.pack ?? 'national' });
    }
    const env = { ...(options.demo?.pack ? { CONVENE_PACK: options.demo.pack } : {}), ...options.env };
    app = await testApp(database.handle(), { clock, ...(Object.keys(env).length ? { env } : {}) });
    if (options.staff) {
      orgId = (await createOrganisation(database.db())).id;
      for (const [username, roles] of Object.entries(options.staff)) staff.set(username, await createUser(database.db(), { roles, username, organisationId: orgId }));
    }
  }, options.demo ? 180_000 : undefined); // seeding the demo authority takes a while on a busy machine
  afterAll(async () => {
    await app?.close();
  });
  const signedIn = async (user: string | { username: string }): Promise<WebClient> => {
    const username = typeof user === 'string' ? user : user.username;
    const client = new WebClient(opened());
    const res = await client.signIn(username, TEST_PASSWORD);
    if (res.statusCode !== 302) throw new Error(`Signing in as ${username} was refused (${res.statusCode})`);
    return client;
  };
  return {
    ...database,
    clock,
    app: opened,
    orgId: () => {
      if (!orgId) throw new Error('No staff were named, so no organisation was made');
      return orgId;
    },
    staffMember: (username) => {
      const member = staff.get(username);
      if (!member) throw new Error(`${username} is not among the staff this suite named`);
      return member;
    },
    signedIn,
    sessionOf: (username) => {
      let session: WebClient | undefined;
      beforeAll(async () => {
        session = await signedIn(username);
      });
      return () => {
        if (!session) throw new Error(`The session of ${username} is used before its beforeAll ran`);
        return session;
      };
    },
  };
}
