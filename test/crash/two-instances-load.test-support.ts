import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { freePort, killed, startServer, waitHealthy } from '../../scripts/crash-test.js';
import { request, requestOf, type Page } from '../../bench/load/workload.js';

/**
 * One Convene server process (src/main.ts, as the crash test starts it) that can be SIGKILLed and
 * started again on the same port, as an orchestrator restarts a container behind a load balancer.
 */
export class Instance {
  child: ChildProcess | null = null;
  stderr = '';
  private constructor(readonly name: string, readonly port: number, private readonly env: Record<string, string>) {}

  static async create(name: string, env: Record<string, string>): Promise<Instance> {
    return new Instance(name, await freePort(), env);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process with the app clock at `now` and waits for /health. */
  async start(now: Date): Promise<void> {
    const child = startServer({ ...this.env, CONVENE_NOW: now.toISOString() }, this.port);
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => void (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    if (!(await waitHealthy(this.base, child))) throw new Error(`instance ${this.name} did not start: ${this.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  /** As the machine would: no shutdown, no released leases. */
  async kill(): Promise<void> {
    if (this.child) await killed(this.child);
  }

  /** As an orchestrator would: SIGTERM, and the server's graceful shutdown drains requests and the job worker. */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

export interface DriveFigures {
  requests: number;
  errors: number;
  /** Requests whose own instance refused or dropped the connection, sent again to the other one. */
  retries: number;
  /** Answers per instance name. */
  served: Map<string, number>;
  firstErrors: string[];
  latencies: number[];
}

/** Connection failures a load balancer retries on another instance: the instance is down or died mid-answer. */
const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|socket hang up|EPIPE/;

export interface VirtualUser {
  /** The instance it signed in on; its session cookie is sent to whichever instance answers. */
  home: Instance;
  pages: Page[];
}

/**
 * Drives the virtual users until `stop()` says so, each one request at a time round its pages,
 * to its own instance; a request whose instance is down (refused or reset) goes to the other one,
 * as a load balancer would, and counts as a retry, not an error. Anything but the page's expected
 * answer, or no answer in 10 s, is an error.
 */
export function drive(users: VirtualUser[], instances: [Instance, Instance], stop: () => boolean): Promise<DriveFigures> {
  const figures: DriveFigures = { requests: 0, errors: 0, retries: 0, served: new Map(), firstErrors: [], latencies: [] };
  const other = (instance: Instance) => (instance === instances[0] ? instances[1] : instances[0]);
  const error = (what: string) => {
    figures.errors += 1;
    if (figures.firstErrors.length < 5) figures.firstErrors.push(what);
  };
  const one = async (user: VirtualUser, index: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let n = index; !stop(); n += 1) {
      const page = user.pages[n % user.pages.length]!;
      const { headers, body } = requestOf(page);
      const began = performance.now();
      let target = user.home;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const answer = await request(agent, target.port, page.method ?? 'GET', page.url, headers, body);
          figures.requests += 1;
          figures.served.set(target.name, (figures.served.get(target.name) ?? 0) + 1);
          if (answer.status === page.expect) figures.latencies.push(performance.now() - began);
          else error(`${page.name} on ${target.name}: ${answer.status}`);
          break;
        } catch (failure) {
          const message = (failure as Error).message;
          if (attempt === 1 && CONNECTION_LOST.test(`${message} ${(failure as NodeJS.ErrnoException).code ?? ''}`)) {
            figures.retries += 1;
            target = other(target);
            continue;
          }
          figures.requests += 1;
          error(`${page.name} on ${target.name}: ${message}`);
          break;
        }
      }
    }
    agent.destroy();
  };
  return Promise.all(users.map((user, i) => one(user, i))).then(() => figures);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
