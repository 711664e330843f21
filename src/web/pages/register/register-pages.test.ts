import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('register pages', (engine) => {
  let officer: WebClient;
  let enquirer: WebClient;
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-02T10:00:00Z' });
  beforeAll(async () => {
    const orgId = (await createOrganisation(db())).id;
    await createUser(db(), { roles: ['register-officer'], username: 'officer', organisationId: orgId });
    await createUser(db(), { roles: ['enquirer'], username: 'enquirer', organisationId: orgId });
    await childOnAPlan(db(), orgId);
    officer = await signedIn('officer');
    enquirer = await signedIn('enquirer');
  });

  it('RG1: shows the register, refuses bad filters with field messages, exports CSV, and is closed to an enquirer', async () => {
    const page = await officer.get('/register');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alpha Testington');
    expect(page.body).toContain('This authority');
    for (const href of ['/register/risk-notifications', '/register/centres', '/register/placements/new']) expect(page.body).toContain(`href="${href}"`);
    const empty = await officer.get('/register?category=SAB');
    expect(empty.body).toContain('No child is on a plan');
    // A NUL byte never reaches the page: the input guard refuses it for every route, naming the field.
    const nul = await officer.get(`/register?category=${encodeURIComponent('NEG\u0000')}`);
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('category');
    const bad = await officer.get('/register?asOf=2026-02-30&category=NOPE&page=0&teamId=x');
    expect(bad.statusCode).toBe(400);
    for (const message of ['Enter the date as a real date', 'Choose a category from the list', 'Enter a page number of 1 or more', 'Choose a team from the list']) expect(bad.body).toContain(message);
    const future = await officer.get('/register?asOf=2026-03-03');
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date must be today or in the past');
    const csv = await officer.get('/register/export.csv?category=NEG');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Alpha Testington');
    const history = await officer.get('/register/history');
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('No plan has ended yet.');
    expect((await enquirer.get('/register')).statusCode).toBe(403);
    expect((await enquirer.get('/register/export.csv')).statusCode).toBe(403);
  });

  it('RG1: the placement form re-shows its field errors', async () => {
    const form = await officer.get('/register/placements/new');
    expect(form.statusCode).toBe(200);
    const bad = await officer.post('/register/placements/new', { childId: '', responsibleAuthority: '', otherContactName: '', otherContactEmail: 'nope', planStartedOn: 'x', placedOn: '', legalStatus: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the authority responsible for the plan');
    expect(bad.body).toContain('Choose at least one category');
  });

  it('RG5, RG6: bad input of any size or with NUL bytes, and unknown ids, get a clear 4xx and never a 5xx', async () => {
    // NUL bytes and values of any size are refused by the input guard before the form sees them.
    const hostile = await officer.post('/register/risk-notifications/new', { personName: 'Demo\u0000Person', source: 'x'.repeat(200_000), receivedOn: '2026-01-01', concern: 'c' });
    expect(hostile.statusCode).toBe(400);
    const risk = await officer.post('/register/risk-notifications/new', { personName: 'Demo\u0007Person', source: 'x'.repeat(300), receivedOn: '2026-13-01', concern: 'Текст ☃' });
    expect(risk.statusCode).toBe(400);
    expect(risk.body).toContain('Remove the control characters from the name');
    expect(risk.body).toContain('Enter the source in 200 characters or fewer');
    expect(risk.body).toContain('Enter the date it was received as a real date');
    expect((await officer.get('/register/risk-notifications/not-an-id')).statusCode).toBe(404);
    expect((await officer.get('/register/risk-notifications/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const centre = await officer.post('/register/centres', { name: '', secureEmail: 'no', postcodeDistricts: 'ZZ1 2AB' });
    expect(centre.statusCode).toBe(400);
    expect(centre.body).toContain('Enter each district as the first half of a postcode');
    expect((await officer.get('/register/centre-lists/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await officer.post('/register/centres/00000000-0000-4000-8000-000000000000/generate', {})).statusCode).toBe(404);
    expect((await enquirer.get('/register/risk-notifications')).statusCode).toBe(403);
    expect((await enquirer.get('/register/centres')).statusCode).toBe(403);
  });
});
