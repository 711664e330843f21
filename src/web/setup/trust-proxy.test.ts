import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { testApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { WebClient } from '../../../test/support/web-client.js';

describeEachEngine('TRUST_PROXY', (engine) => {
  const suite = suiteDatabase(engine);

  async function failedSignInAddress(env: NodeJS.ProcessEnv, username: string): Promise<string | null> {
    const app = await testApp(suite.handle(), { env });
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
      const [row] = await suite.db().select().from(auditEvents).where(eq(auditEvents.username, username));
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
