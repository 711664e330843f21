import { expect, it } from 'vitest';
import { RULES } from '../../../domain/rules/registry.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';

describeEachEngine('rules, pack comparison, API and deadline calculator pages', (engine) => {
  const { app, sessionOf } = signedInApp(engine, { staff: { chair: ['chair'] } });
  const client = sessionOf('chair');

  it('lists every registered rule by area and finds one by id or words', async () => {
    const all = await client().get('/rules');
    expect(all.statusCode).toBe(200);
    for (const rule of RULES) expect(all.body).toContain(`href="/rules/${rule.id}"`);
    const search = await client().get('/rules?q=quorum');
    expect(search.body).toContain('href="/rules/CF1"');
    expect(search.body).not.toContain('href="/rules/TS25"');
  });

  it('shows one rule with its sources and per-pack parameters', async () => {
    const res = await client().get('/rules/TS1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hertfordshire');
    expect(res.body).toContain('15 working days');
    expect((await client().get('/rules/XX99')).statusCode).toBe(404);
  });

  it('compares the TS parameters of all packs, rendered from the packs, marking inherited ones', async () => {
    const res = await client().get('/rules/packs');
    expectPage(res, { status: 200, shows: ['Pan-Dorset', 'inherited', 'not in this pack', 'href="/rules/TS30"'] });
  });

  it('serves the registry as JSON to signed-in users only', async () => {
    const res = await client().get('/api/v1/rules');
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { id: string }[];
    expect(body.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.id).sort());
    const anonymous = new WebClient(app());
    expect((await anonymous.get('/api/v1/rules')).statusCode).toBe(401);
  });

  it('calculates a deadline with its explanation (the Christmas TS1 example)', async () => {
    const res = await client().get('/deadlines/calculator?rule=TS1&pack=hertfordshire&fromDate=2025-12-19');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('14 January 2026');
    expect(res.body).toMatch(/15 working days after the strategy discussion on 19 December 2025/);
  });

  it('re-renders the calculator with field errors for bad input', async () => {
    const bad = await client().get('/deadlines/calculator?rule=TS1&pack=hertfordshire&fromDate=2025-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a real date');
    const missingType = await client().get('/deadlines/calculator?rule=TS12&pack=national&fromDate=2026-03-10');
    expect(missingType.statusCode).toBe(400);
    expect(missingType.body).toContain('There is a problem');
    const notInPack = await client().get('/deadlines/calculator?rule=TS20&pack=hertfordshire&fromDate=2026-03-10');
    expect(notInPack.statusCode).toBe(400);
  });
});
