import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { createUser } from '../../../test/support/factories.js';
import { WebClient } from '../../../test/support/web-client.js';
import { users } from '../../db/schema/index.js';
import { DEFAULT_RATE_LIMITS } from './rate-limits.js';

const CSP = "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

describeEachEngine('response headers (@fastify/helmet) and per-address limits (@fastify/rate-limit)', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  let production: FastifyInstance;
  beforeAll(async () => {
    // The real limits, as `npm start` has them.
    app = await testApp(suite.handle(), { rateLimits: DEFAULT_RATE_LIMITS });
    production = await testApp(suite.handle(), {
      env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), CONVENE_ENCRYPTION_KEY: 'ab'.repeat(32), LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused' },
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await production.close();
  });

  it('every response carries the CSP and the other headers: pages, errors, 404s and static files', async () => {
    const page = await app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(page.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(page.headers['x-powered-by']).toBeUndefined();
    for (const url of ['/no-such-page', '/people/not-a-uuid', '/assets/govuk-frontend.min.css', '/public/init.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe(CSP);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    expect((await app.inject({ method: 'GET', url: '/public/init.js' })).headers['cache-control']).not.toBe('no-store');
    // A refused form (no CSRF token) too.
    const refused = await app.inject({ method: 'POST', url: '/sign-in', payload: 'username=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-security-policy']).toBe(CSP);
  });

  it('the CSP allows everything GOV.UK Frontend and our public scripts need: every script, style, font and image is our own file, and no page has inline script or style', async () => {
    const html = (await app.inject({ method: 'GET', url: '/sign-in' })).body;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, 'every script is a file').toMatch(/\bsrc="\/[^/]/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
    const urls = [...html.matchAll(/\b(?:src|href)="([^"#]+)"/g)].map((m) => m[1]!);
    const assets = urls.filter((u) => u.startsWith('/assets/') || u.startsWith('/public/'));
    expect(assets).toEqual(expect.arrayContaining(['/assets/govuk-frontend.min.css', '/public/convene.css', '/public/init.js']));
    for (const url of urls) expect(url, 'same origin').toMatch(/^\/(?!\/)/);
    // init.js imports GOV.UK Frontend's module from /assets: same origin as well.
    const init = (await app.inject({ method: 'GET', url: '/public/init.js' })).body;
    for (const [, from] of init.matchAll(/from '([^']+)'/g)) {
      expect(from).toMatch(/^\/assets\//);
      expect((await app.inject({ method: 'GET', url: from! })).statusCode).toBe(200);
    }
    // The CSS's fonts and images are under /assets too, or data: URIs.
    const css = (await app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.css' })).body;
    for (const [, ref] of css.matchAll(/url\(["']?([^"')]+)["']?\)/g)) expect(ref).toMatch(/^(\/assets\/|data:)/);
  });

  it('in production HSTS is sent and plain-HTTP subresources are upgraded', async () => {
    const res = await production.inject({ method: 'GET', url: '/sign-in' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toBe(`${CSP};upgrade-insecure-requests`);
  });

  it(`sign-in: past ${DEFAULT_RATE_LIMITS.signInPerMinute} attempts a minute from one address, 429 with Retry-After before any password is checked; other addresses go on`, async () => {
    const user = await createUser(suite.db(), { roles: ['social-worker'], username: `limited-${engine}` });
    const browser = new WebClient(app);
    await browser.get('/sign-in');
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const attempt = (remoteAddress: string) => app.inject({
      method: 'POST', url: '/sign-in', remoteAddress,
      payload: new URLSearchParams({ _csrf: browser.csrf!, username: user.username, password: 'wrong password, twelve+' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    // Wrong CSRF tokens are refused before the password is hashed, and still count: the limit is on attempts.
    for (let i = 1; i < DEFAULT_RATE_LIMITS.signInPerMinute; i++) {
      const res = await app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '203.0.113.7', payload: '_csrf=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await attempt('203.0.113.7')).statusCode).toBe(401);
    const [before] = await suite.db().select({ failed: users.failedSignIns }).from(users).where(eq(users.id, user.id));
    const over = await attempt('203.0.113.7');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body).toContain('Too many attempts');
    const [after] = await suite.db().select({ failed: users.failedSignIns }).from(users).where(eq(users.id, user.id));
    expect(after?.failed).toBe(before?.failed);
    // The second-factor step shares nothing with it but the address.
    expect((await app.inject({ method: 'POST', url: '/sign-in/two-factor', remoteAddress: '203.0.113.7', payload: '_csrf=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(429);
    expect((await attempt('198.51.100.20')).statusCode).toBe(401);
    // Reading the sign-in page is not an attempt.
    expect((await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
  });

  it(`the API: past ${DEFAULT_RATE_LIMITS.apiPerMinute} requests a minute from one address, 429 in JSON before the key is looked up`, async () => {
    for (let i = 0; i < DEFAULT_RATE_LIMITS.apiPerMinute; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/enquiries', remoteAddress: '192.0.2.9', headers: { authorization: 'Bearer guessed-key' }, payload: {} });
      expect(res.statusCode).toBe(401);
    }
    const over = await app.inject({ method: 'POST', url: '/api/v1/enquiries', remoteAddress: '192.0.2.9', headers: { authorization: 'Bearer guessed-key' }, payload: {} });
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect(over.json()).toEqual({ errors: [{ field: null, message: expect.stringContaining('Too many requests') }] });
    expect((await app.inject({ method: 'POST', url: '/api/v1/enquiries', remoteAddress: '192.0.2.10', headers: { authorization: 'Bearer guessed-key' }, payload: {} })).statusCode).toBe(401);
  });
});
