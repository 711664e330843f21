// The mixed signed-in workload of `npm run load`: how a virtual user signs in, and the pages it
// loads. Shared by the load run (bench/load/run.ts) and the two-instance test
// (test/crash/two-instances-load.test.ts), so both drive the same request mix.
import http from 'node:http';
import { LOAD_PASSWORD, type LoadTargets } from './fixture.js';

export const REQUEST_TIMEOUT_MS = 10_000;

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(agent: http.Agent, port: number, method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function cookiesFrom(answer: Answer, jar: Map<string, string>): void {
  const set = answer.headers['set-cookie'] ?? [];
  for (const c of set) {
    const [pair] = c.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

const jarHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export interface Visitor {
  cookie: string;
  csrf: string;
}

export async function signIn(port: number, username: string): Promise<Visitor> {
  const agent = new http.Agent({ keepAlive: false });
  const jar = new Map<string, string>();
  const form = await request(agent, port, 'GET', '/sign-in', {});
  cookiesFrom(form, jar);
  const body = new URLSearchParams({ _csrf: csrfIn(form.body), username, password: LOAD_PASSWORD }).toString();
  const done = await request(agent, port, 'POST', '/sign-in', { cookie: jarHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, body);
  cookiesFrom(done, jar);
  if (done.status !== 302) throw new Error(`${username} could not sign in (${done.status})`);
  const home = await request(agent, port, 'GET', '/', { cookie: jarHeader(jar) });
  if (home.status !== 200) throw new Error(`${username}'s home page answered ${home.status}`);
  return { cookie: jarHeader(jar), csrf: csrfIn(home.body) };
}

/** One request of the mix, with the answer it should get; no port: the caller says where it goes. */
export interface Page {
  name: string;
  method?: 'GET' | 'POST';
  url: string;
  visitor?: Visitor;
  /** A form body; the visitor's CSRF token is added. */
  form?: Record<string, string>;
  expect: number;
}

export interface Staff {
  socialWorker: Visitor;
  teamManager: Visitor;
  businessSupport: Visitor;
}

/** Signs in the three demo staff the workload loads pages as. */
export async function signInStaff(port: number): Promise<Staff> {
  return { socialWorker: await signIn(port, 'social-worker'), teamManager: await signIn(port, 'team-manager'), businessSupport: await signIn(port, 'business-support') };
}

/** The mix: anonymous sign-in, each role's home page, a case, a plan, a conference, the booking page and an invalid booking post. */
export function workloadPages(targets: LoadTargets, staff: Staff): Page[] {
  const { socialWorker: sw, teamManager: tm, businessSupport: bs } = staff;
  return [
    { name: 'sign-in (anonymous)', url: '/sign-in', expect: 200 },
    { name: 'home social worker', url: '/', visitor: sw, expect: 200 },
    { name: 'home team manager', url: '/', visitor: tm, expect: 200 },
    { name: 'home business support', url: '/', visitor: bs, expect: 200 },
    { name: 'case', url: `/cases/${targets.caseId}`, visitor: sw, expect: 200 },
    { name: 'plan', url: `/plans/${targets.planId}`, visitor: sw, expect: 200 },
    { name: 'conference', url: `/conferences/${targets.conferenceId}`, visitor: bs, expect: 200 },
    { name: 'booking', url: `/conferences/${targets.bookableId}/book`, visitor: bs, expect: 200 },
    // A form post that fails validation: CSRF, parsing, the booking page again with errors; writes nothing.
    { name: 'booking post (invalid)', method: 'POST', url: `/conferences/${targets.bookableId}/book`, visitor: bs, form: { date: 'not a date' }, expect: 400 },
  ];
}

/** The headers and body a page's request carries. */
export function requestOf(page: Page): { headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = {};
  if (page.visitor) headers.cookie = page.visitor.cookie;
  if (!page.form) return { headers };
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { headers, body: new URLSearchParams({ _csrf: page.visitor?.csrf ?? '', ...page.form }).toString() };
}
