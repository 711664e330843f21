import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addOpenPlans, LOAD_PASSWORD, loadTargets } from '../../bench/load/fixture.js';
import { request, requestOf, signInStaff, workloadPages, type Staff } from '../../bench/load/workload.js';
import { openDatabase } from '../../src/db/client.js';
import { jobRuns, outboxMessages } from '../../src/db/schema/index.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { childrenWithTwoReviewRequests, conferenceNeedingReports, createPostgresDatabase, remindersPerInvitation, runsOf } from '../../src/modules/jobs/jobs-fixture.test-support.js';
import { enqueueMessage } from '../../src/modules/outbox/enqueue-message.js';
import { outboxMessageId } from '../../src/modules/outbox/sender.js';
import { startTestSmtp } from '../../src/modules/outbox/test-smtp.test-support.js';
import { isPostgresAvailable } from '../support/database.js';
import { drive, Instance, percentile, type VirtualUser } from './two-instances-load.test-support.js';

/**
 * Issue 17: two server processes on one PostgreSQL, both running the job worker, under the mixed
 * signed-in workload of `npm run load`; one is SIGKILLed while it holds a job run and restarted.
 * Requests to it while it is down go to the other (a load balancer's retry) and are counted, not
 * errors. Afterwards an instance started once the dead one's leases have lapsed finishes what it
 * stranded, and the test checks: 0 errors, every slot that fell due ran once, every email queued
 * was delivered, and only the one the mail server accepted at the kill (if any) came twice, under
 * its one Message-ID.
 *
 * TWO_INSTANCES_LOAD_SECONDS (default 24) lengthens the run; TWO_INSTANCES_LOAD_USERS (default 6)
 * sets the virtual users, half signed in on each instance.
 */
const postgresUp = await isPostgresAvailable();
const SECONDS = Number(process.env.TWO_INSTANCES_LOAD_SECONDS ?? 24);
const USERS = Number(process.env.TWO_INSTANCES_LOAD_USERS ?? 6);
/** Monday 7 December 2026, just before 09:00: the hourly review-request and reminder slots fall due mid-run. */
const START = new Date('2026-12-07T08:59:48Z');
/** Past the job lease and the outbox lease (5 minutes each): when a later start takes over what a dead instance held. */
const AFTER_LEASES_MS = 6 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageIdIn = (raw: string) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? '';

(postgresUp ? describe : describe.skip)('two instances on one PostgreSQL under the load workload, one killed mid-run [postgres]', () => {
  it('0 errors, no job run twice, none lost, every email delivered', async () => {
    const smtp = await startTestSmtp();
    const database = await createPostgresDatabase();
    const handle = await openDatabase({ url: database.url });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-two-instances-'));
    const instances: Instance[] = [];
    try {
      await handle.migrate();
      await seedDemo(handle.db, { password: LOAD_PASSWORD, dataDir, pack: 'national', now: START });
      await addOpenPlans(handle, 1000);
      const targets = await loadTargets(handle);
      // A conference whose reports are due: whichever instance runs the first reminders slot reminds each professional,
      // and no later slot (09:00, mid-run, on either instance, or the one taken over after the kill) may remind them again.
      const invited = await conferenceNeedingReports(handle.db);

      const env = { DATABASE_URL: database.url, CONVENE_DATA_DIR: dataDir, SMTP_URL: smtp.url };
      const a = await Instance.create('A', env);
      const b = await Instance.create('B', env);
      instances.push(a, b);
      // The app clock runs from START in every process; a later start is given the time that has passed.
      const began = performance.now();
      const appNow = (extraMs = 0) => new Date(START.getTime() + (performance.now() - began) + extraMs);
      await Promise.all([a.start(START), b.start(START)]);

      // Sessions live in the database: a session (and its CSRF token) begun on one instance is good on the other.
      const staff = new Map<Instance, Staff>([[a, await signInStaff(a.port)], [b, await signInStaff(b.port)]]);
      const agent = new http.Agent({ keepAlive: false });
      let crossInstance = 0;
      for (const [from, to] of [[a, b], [b, a]] as const) {
        for (const page of workloadPages(targets, staff.get(from)!).filter((p) => p.visitor)) {
          const { headers, body } = requestOf(page);
          const answer = await request(agent, to.port, page.method ?? 'GET', page.url, headers, body);
          expect(answer.status, `${page.name}, signed in on ${from.name}, answered by ${to.name}`).toBe(page.expect);
          crossInstance += 1;
        }
      }

      // The load: each virtual user keeps to the instance it signed in on.
      let stopping = false;
      const users: VirtualUser[] = Array.from({ length: USERS }, (_, i) => {
        const home = i % 2 === 0 ? a : b;
        return { home, pages: workloadPages(targets, staff.get(home)!) };
      });
      const driving = drive(users, [a, b], () => stopping);

      // Email keeps arriving in the outbox throughout, as actions queue it (within the sender's 20 a pass every 5 s).
      let queued = 0;
      const mailing = (async () => {
        while (!stopping) {
          queued += 1;
          await enqueueMessage(handle.db, { channel: 'email', toName: 'Load Recipient', toAddress: `recipient-${queued}@agency.example`, subject: `Two-instance run message ${queued}`, bodyText: 'A synthetic message.' }, appNow());
          await sleep(300);
        }
      })();
      // Mid-run, kill whichever instance is holding a job run at that moment (the outbox runs every 5 s on one or the other).
      await sleep(SECONDS * 400);
      const pidIn = (lockedBy: string | null) => Number(lockedBy?.split(':').at(-2));
      let held: { name: string; lockedBy: string | null }[] = [];
      let claimed: string[] = [];
      // Best an outbox pass with emails in hand (the path where one could be lost or sent twice); after 12 s, any run.
      const preferOutboxUntil = performance.now() + 12_000;
      for (const until = performance.now() + 20_000; !held.length && performance.now() < until;) {
        const running = await handle.db.select({ name: jobRuns.name, lockedBy: jobRuns.lockedBy }).from(jobRuns).where(eq(jobRuns.status, 'running'));
        const sending = running.some((r) => r.name === 'outbox')
          ? (await handle.db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.status, 'sending'))).map((m) => m.id)
          : [];
        if (sending.length || (running.length && performance.now() > preferOutboxUntil)) {
          const outbox = running.find((r) => r.name === 'outbox');
          held = sending.length && outbox ? [outbox, ...running.filter((r) => r !== outbox)] : running;
          claimed = sending;
        } else await sleep(5);
      }
      const victim = instances.find((i) => i.pid === pidIn(held[0]?.lockedBy ?? null));
      expect(victim, 'an instance held a job run within 20 s').toBeDefined();
      // Its own runs only; the emails in 'sending' are its batch only if it holds the outbox run (one outbox run at a time).
      held = held.filter((h) => pidIn(h.lockedBy) === victim!.pid);
      if (!held.some((h) => h.name === 'outbox')) claimed = [];
      await victim!.kill();
      const killedAt = performance.now();
      await sleep(3000);
      // What the dead instance had claimed and not finished: its runs and messages wait for their leases to lapse.
      const strandedRuns = (await handle.db.select({ name: jobRuns.name }).from(jobRuns).where(and(eq(jobRuns.status, 'running'), like(jobRuns.lockedBy, `%:${victim!.pid}:%`)))).map((r) => r.name);
      const stranded = claimed.length ? (await handle.db.select({ id: outboxMessages.id }).from(outboxMessages).where(and(inArray(outboxMessages.id, claimed), eq(outboxMessages.status, 'sending')))).map((m) => m.id) : [];
      await victim!.start(appNow());
      const downSeconds = (performance.now() - killedAt) / 1000;

      await sleep(Math.max(0, began + SECONDS * 1000 - performance.now()));
      stopping = true;
      const figures = await driving;
      await mailing;
      expect(await a.stop(), 'A stopped gracefully').toBe(0);
      expect(await b.stop(), 'B stopped gracefully').toBe(0);

      // A start after the leases lapsed takes over the dead instance's run and messages.
      const later = await Instance.create('later', env);
      instances.push(later);
      await later.start(appNow(AFTER_LEASES_MS));
      const unfinished = async () => (await handle.db.$count(outboxMessages, inArray(outboxMessages.status, ['queued', 'sending']))) + (await handle.db.$count(jobRuns, inArray(jobRuns.status, ['queued', 'running'])));
      await expect.poll(unfinished, { timeout: 60_000, interval: 500 }).toBe(0);
      expect(await later.stop(), 'the later instance stopped gracefully').toBe(0);

      // The figures the operations note quotes.
      const runs = await runsOf(handle.db);
      const byName = (name: string) => runs.filter((r) => r.name === name);
      const emails = await handle.db.select({ id: outboxMessages.id, status: outboxMessages.status }).from(outboxMessages).where(eq(outboxMessages.channel, 'email'));
      const deliveries = new Map<string, number>();
      for (const mail of smtp.received) deliveries.set(messageIdIn(mail.raw), (deliveries.get(messageIdIn(mail.raw)) ?? 0) + 1);
      const twice = emails.filter((m) => (deliveries.get(outboxMessageId(m.id)) ?? 0) > 1).map((m) => m.id);
      const ms = (n: number) => `${n.toFixed(0)} ms`;
      // A 5-second outbox slot in which no worker polled (its one pass was busy with a longer job) is not made up, by design
      // (queue.ts): the next slot's pass sends what waits. Counted so the note can say how often that happened.
      const outboxTimes = byName('outbox').map((r) => r.runAt.getTime()).sort((x, y) => x - y);
      const skipped = outboxTimes.slice(1).map((t, i) => t - outboxTimes[i]!).filter((gap) => gap < AFTER_LEASES_MS - 60_000).reduce((n, gap) => n + gap / 5000 - 1, 0);
      console.log([
        `two instances, one PostgreSQL, ${SECONDS} s, ${USERS} virtual users: ${figures.requests} requests (A ${figures.served.get('A') ?? 0}, B ${figures.served.get('B') ?? 0}), ${figures.errors} errors, ${figures.retries} retried on the other instance; p50 ${ms(percentile(figures.latencies, 50))}, p99 ${ms(percentile(figures.latencies, 99))}`,
        `sessions begun on one instance and used on the other: ${crossInstance} requests, all answered as expected`,
        `killed ${victim!.name} (SIGKILL) holding ${held.map((h) => h.name).join(', ')} with ${claimed.length} emails claimed; stranded ${strandedRuns.length} runs and ${stranded.length} emails; back after ${downSeconds.toFixed(1)} s`,
        `job runs: ${['outbox', 'review-requests', 'report-reminders', 'job-housekeeping'].map((n) => `${n} ${byName(n).length}`).join(', ')}; outbox slots skipped: ${skipped}; runs on a second attempt: ${runs.filter((r) => r.attempts > 1).map((r) => `${r.name} ${r.slot.slice(11, 19)} (${r.lastError ?? ''})`).join(', ') || 'none'}`,
        `emails: ${emails.length} in the outbox (${queued} queued during the run), ${smtp.received.length} deliveries, ${twice.length} delivered twice`,
      ].join('\n'));
      if (figures.firstErrors.length) console.log(`first errors: ${figures.firstErrors.join('; ')}`);

      // 0 errors; the dead instance's users were served by the other one meanwhile.
      expect(figures.errors).toBe(0);
      expect(figures.requests).toBeGreaterThan(SECONDS * 5);
      expect(figures.retries).toBeGreaterThan(0);
      // Every slot that fell due ran, once (one row per name and slot), and finished; none failed.
      expect(runs.filter((r) => r.status !== 'done')).toEqual([]);
      for (const name of ['review-requests', 'report-reminders']) expect(byName(name).map((r) => r.slot), name).toEqual(expect.arrayContaining(['2026-12-07T08:00:00.000Z', '2026-12-07T09:00:00.000Z']));
      // What the dead instance held was taken over, not lost.
      expect(runs.filter((r) => r.attempts > 1).length).toBeGreaterThanOrEqual(strandedRuns.length);
      // No job body's effect twice: one reminder per professional, no child with two reviews requested.
      expect(await remindersPerInvitation(handle.db, invited)).toEqual([1, 1, 1]);
      expect(await childrenWithTwoReviewRequests(handle.db)).toEqual([]);
      // Every email sent and delivered; a second copy only of a message the mail server took at the kill (at most one).
      expect(emails.filter((m) => m.status !== 'sent')).toEqual([]);
      expect(emails.filter((m) => !deliveries.has(outboxMessageId(m.id)))).toEqual([]);
      expect(twice.every((id) => stranded.includes(id))).toBe(true);
      expect(twice.length).toBeLessThanOrEqual(1);
      expect([...deliveries.keys()].filter((id) => !emails.some((m) => outboxMessageId(m.id) === id))).toEqual([]);
    } finally {
      for (const instance of instances) await instance.kill();
      await handle.close();
      await database.drop();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
