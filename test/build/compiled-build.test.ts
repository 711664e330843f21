import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable, POSTGRES_ADMIN_URL } from '../support/database.js';

/**
 * The compiled build as production runs it: `npm run build` (skipped when dist/ is newer than
 * every source file), then plain `node dist/main.js` with production settings on a fresh
 * PostgreSQL database. No tsx, no NODE_OPTIONS: what dist/ lacks, this test finds.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_MARK = path.join(ROOT, 'dist', 'BUILD.json');
const METRICS_TOKEN = randomBytes(24).toString('hex');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const inputs = Math.max(newestSource(path.join(ROOT, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'package.json'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  if (fs.existsSync(DIST_MARK) && fs.statSync(DIST_MARK).mtimeMs >= inputs) return;
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

const postgresUp = await isPostgresAvailable();

(postgresUp ? describe : describe.skip)('the compiled build (node dist/main.js, NODE_ENV=production, PostgreSQL)', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  let dbName: string;
  let databaseUrl: string;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  const base = () => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    buildIfStale();
    dbName = `convene_test_build_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-build-'));
    child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main.js')], {
      cwd: dataDir,
      // A clean environment: nothing of vitest's (loaders, NODE_OPTIONS) reaches the compiled build.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: url.toString(),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        CONVENE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        CONVENE_DATA_DIR: dataDir,
        METRICS_TOKEN,
        CONVENE_SHUTDOWN_TIMEOUT_SECONDS: '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (let attempt = 0; attempt < 150; attempt++) {
      if (child.exitCode !== null) throw new Error(`node dist/main.js stopped at start (exit ${child.exitCode}):\n${output}`);
      const ok = await fetch(`${base()}/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`node dist/main.js did not answer /health within 30 s:\n${output}`);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it('is built to plain JavaScript that needs no tsx', () => {
    const compiled = fs.readdirSync(path.join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(compiled.length).toBeGreaterThan(100);
    for (const file of compiled) expect(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(/(from |import\()['"]tsx/);
    expect(compiled.some((f) => f.endsWith('.test.js') || f.includes('test-support')), 'tests are not shipped').toBe(false);
    // Everything the server imports is a production dependency: `npm ci --omit=dev` is enough to run it.
    const dependencies = new Set(Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies));
    const imported = new Set<string>();
    for (const file of compiled.filter((f) => !f.startsWith(`web${path.sep}public`))) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require(?:\.resolve)?\s*\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
        const spec = m[1]!;
        if (isBuiltin(spec)) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(imported.has('fastify') && imported.has('prom-client')).toBe(true);
    expect([...imported].filter((pkg) => !dependencies.has(pkg))).toEqual([]);
    for (const needed of ['web/pages/sign-in/page.njk', 'web/layouts', 'web/public/convene.css', 'db/migrations/meta/_journal.json', 'db/migrations/0000_foundation.sql', 'cli/main.js']) {
      expect(fs.existsSync(path.join(ROOT, 'dist', needed)), needed).toBe(true);
    }
  });

  it('renders a PDF with the fonts it ships beside itself (dist/documents/fonts), embedded', () => {
    for (const font of ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf', 'LICENSE-OFL.txt']) {
      expect(fs.existsSync(path.join(ROOT, 'dist', 'documents', 'fonts', font)), font).toBe(true);
    }
    const script = `import { renderPdf } from ${JSON.stringify(path.join(ROOT, 'dist', 'documents', 'render-pdf.js'))};
      const pdf = await renderPdf({ title: 'A letter', blocks: [{ type: 'heading', text: 'When' }, { type: 'paragraph', text: 'Monday' }] });
      process.stdout.write(pdf.toString('latin1'));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: os.tmpdir(), encoding: 'latin1', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    expect(run.stderr).toBe('');
    expect(run.stdout.match(/\/FontFile2 \d+ 0 R/g)?.length).toBe(2);
    expect(run.stdout.match(/\/BaseFont \/Helvetica/g) ?? []).toEqual([]);
  });

  it('is ready (database, migrations), serves the sign-in page and its assets, and /metrics to its token', async () => {
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, migrations: { ok: true }, jobQueue: { ok: true } } });

    const signIn = await fetch(`${base()}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const html = await signIn.text();
    expect(html).toContain('name="username"');
    expect(html).toContain('name="_csrf"');
    // Bodies are read to the end: a response the client never reads is a request still in flight.
    for (const asset of ['/assets/govuk-frontend.min.css', '/public/convene.css']) {
      const res = await fetch(`${base()}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }

    const hidden = await fetch(`${base()}/metrics`);
    expect(hidden.status).toBe(404);
    await hidden.arrayBuffer();
    const metrics = await fetch(`${base()}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('convene_http_request_duration_seconds_count{method="GET",route="/sign-in",status_code="200"} 1');
  });

  it('on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0', async () => {
    // A request whose body is still arriving when the signal comes.
    const body = 'username=nobody&password=nothing-at-all';
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    // The signal comes once the server has taken the request in (logged it), however slow the machine.
    for (let attempt = 0; attempt < 100 && !output.includes('"method":"POST","path":"/sign-in"'); attempt++) await sleep(100);
    expect(output).toContain('"method":"POST","path":"/sign-in"');

    child.kill('SIGTERM');
    let refused = false;
    for (let attempt = 0; attempt < 50 && !refused; attempt++) {
      refused = !(await accepts(port));
      if (!refused) await sleep(100);
    }
    expect(refused, 'new connections are refused once stopping').toBe(true);
    expect(child.exitCode, 'still running while a request is in flight').toBeNull();

    socket.write(body.slice(10));
    await closed;
    // The sign-in form without its CSRF token is refused (403), but it is answered in full.
    expect(response).toMatch(/^HTTP\/1\.1 403 /);
    expect(response).toContain('</html>');

    const exit = await exited;
    if (exit.code !== 0) console.log(output);
    expect(exit).toEqual({ code: 0, signal: null });
    const lines = output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; signal?: string; code?: number });
    expect(lines.find((l) => l.msg.startsWith('shutting down'))).toMatchObject({ signal: 'SIGTERM' });
    expect(lines.find((l) => l.msg === 'shut down')).toMatchObject({ code: 0 });
  });

  it('runs the compiled build through npm start and bin/convene when NODE_ENV=production', () => {
    // scripts/start.mjs reaches dist/main.js, whose settings check refuses a production start without secrets.
    const start = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    expect(start.status).toBe(1);
    expect(start.stderr).toContain('SESSION_SECRET is required when NODE_ENV=production');
    const cli = spawnSync(path.join(ROOT, 'bin/convene'), ['db', 'status'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', DATABASE_URL: databaseUrl,
        SESSION_SECRET: randomBytes(32).toString('hex'), CONVENE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      },
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/applied {2}0000_foundation/);
    expect(cli.stdout).not.toContain('PENDING');
  });
});
