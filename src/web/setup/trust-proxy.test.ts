import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { testApp } from '../../../test/support/app.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { WebClient } from '../../../test/support/web-client.js';

describeEachEngine('TRUST_PROXY', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database.drop();
  });

  async function failedSignInAddress(env: NodeJS.ProcessEnv, username: string): Promise<string | null> {
    const app = await testApp(database.handle, { env });
    try {
      const client = new WebClient(app);
      await client.get('/sign-in');
      await client.inject({
        method: 'POST',
        url: '/sign-in',
        contentType: 'application/x-www-form-urlencoded',
        headers: { 'x-forwarded-for': '203.0.113.77' },
        payload: new URLSearchParams({ _csrf: client.csrf!, username, password: 'wrong' }).toString(),
      });
      const [row] = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.username, username));
      return row?.address ?? null;
    } finally {
      await app.close();
    }
  }

  it('by default ignores X-Forwarded-For, so nobody can claim another address', async () => {
    expect(await failedSignInAddress({}, 'proxy-off')).toBe('127.0.0.1');
  });
  it('when set, records and throttles the client address the proxy reports', async () => {
    expect(await failedSignInAddress({ TRUST_PROXY: '127.0.0.1' }, 'proxy-on')).toBe('203.0.113.77');
  });
});
