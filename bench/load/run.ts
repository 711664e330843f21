// `npm run load`: a bounded load run over loopback that stops by itself.
//
// For each engine (PGlite in memory, and PostgreSQL at TEST_POSTGRES_URL when reachable) it
// starts Convene in a child process with the demo authority and 5,000 open plans, signs staff in
// through HTTP, and loads each page for LOAD_SECONDS (default 4) at 10 connections and then at
// 50, printing per page: requests per second, p50/p95/p99 latency, errors (a status other than the
// page's expected one), timeouts (no answer in 10 s), 503s shed, and the ratio to a bare Fastify
// route loaded in the same run.
//
//   npm run load                     # both engines
//   npm run load -- pglite           # one engine
//   LOAD_SECONDS=10 npm run load     # longer windows
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { LoadTargets } from './fixture.js';
import { request, requestOf, signInStaff, workloadPages, type Page } from './workload.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.LOAD_SECONDS ?? 4);
const CONNECTION_SETS = (process.env.LOAD_CONNECTIONS ?? '10,50').split(',').map(Number);
const only = process.argv[2];

interface Child {
  process: ChildProcess;
  info: Record<string, string | number>;
}

function startChild(script: string, args: string[]): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-warnings=ExperimentalWarning', path.join(dir, script), ...args], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'development' },
    });
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ process: child, info: JSON.parse(line) as Record<string, string | number> }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

function stopChild(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.stdin!.end();
    setTimeout(() => child.process.kill('SIGKILL'), 15_000).unref();
  });
}

/** A page of the mix and the port it is loaded on (the bare route's is its own server). */
type Loaded = Page & { port: number };

interface Result {
  name: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  shed: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(page: Loaded, connections: number, seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { headers, body } = requestOf(page);
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  let shed = 0;
  let firstError = '';
  const started = performance.now();
  const until = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const answer = await request(agent, page.port, page.method ?? 'GET', page.url, headers, body);
        if (answer.status === page.expect) latencies.push(performance.now() - t);
        else if (answer.status === 503) shed += 1;
        else {
          errors += 1;
          firstError ||= `${answer.status}`;
        }
      } catch (error) {
        if ((error as Error).message === 'timeout') timeouts += 1;
        else {
          errors += 1;
          firstError ||= (error as Error).message;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  if (firstError) console.error(`  ${page.name}: first error ${firstError}`);
  return {
    name: page.name, connections, requests: latencies.length, perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors, timeouts, shed,
  };
}

/** Requests a client gave up on may still be queued in the server: wait until it answers
 *  promptly again (at most 30 s), so one page's backlog is not charged to the next page. */
async function drain(port: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  const until = performance.now() + 30_000;
  while (performance.now() < until) {
    const t = performance.now();
    try {
      await request(agent, port, 'GET', '/health', {});
      if (performance.now() - t < 500) return;
    } catch {
      // still busy
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function print(engine: string, results: Result[], bare: Map<number, number>): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`\n${engine}: ${SECONDS} s per page and connection count`);
  console.log(`${'page'.padEnd(22)}${pad('conns', 6)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}${pad('timeouts', 10)}${pad('503s', 7)}${pad('of bare', 9)}`);
  for (const r of results) {
    const ceiling = bare.get(r.connections) ?? 0;
    const ratio = ceiling ? `${((r.perSecond / ceiling) * 100).toFixed(2)}%` : '-';
    console.log(`${r.name.padEnd(22)}${pad(r.connections, 6)}${pad(r.perSecond.toFixed(1), 9)}${pad(r.p50.toFixed(1), 9)}${pad(r.p95.toFixed(1), 9)}${pad(r.p99.toFixed(1), 9)}${pad(r.errors, 8)}${pad(r.timeouts, 10)}${pad(r.shed, 7)}${pad(ratio, 9)}`);
  }
}

async function runEngine(engine: string, barePort: number): Promise<void> {
  const server = await startChild('server.ts', [engine]);
  try {
    const port = Number(server.info.port);
    const pages: Loaded[] = [
      { name: 'bare fastify route', port: barePort, url: '/', expect: 200 },
      ...workloadPages(server.info as unknown as LoadTargets, await signInStaff(port)).map((page) => ({ ...page, port })),
    ];
    // One short warm-up per page so first-render costs are not in the figures.
    for (const page of pages) await load(page, 2, 0.5);
    const results: Result[] = [];
    const bare = new Map<number, number>();
    for (const connections of CONNECTION_SETS) {
      for (const page of pages) {
        const result = await load(page, connections, SECONDS);
        if (page.port !== barePort) await drain(page.port);
        if (page.port === barePort) bare.set(connections, result.perSecond);
        results.push(result);
      }
    }
    print(engine, results, bare);
  } finally {
    await stopChild(server);
  }
}

const bareServer = await startChild('bare.ts', []);
try {
  const barePort = Number(bareServer.info.port);
  for (const engine of ['pglite', 'postgres']) {
    if (only && only !== engine) continue;
    if (engine === 'postgres' && !(await postgresReachable())) {
      console.log('\npostgres: not reachable at TEST_POSTGRES_URL, not measured');
      continue;
    }
    await runEngine(engine, barePort);
  }
} finally {
  await stopChild(bareServer);
}
