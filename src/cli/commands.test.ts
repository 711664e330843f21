import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/convene');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The commands that share the command line's set-up (settings, the database opened and closed,
 * JSON or text, refused input as exit code 2), run as an operator runs them: child processes on
 * one PGlite data folder, at a fixed instant.
 */
// Each test runs several commands, each a process that compiles the program with tsx and opens the
// data folder (the first migrates it): on a loaded 2-core machine one test took over 60 s. The
// timeout is for that, not a measure of speed.
describe('bin/convene commands: what each prints and its exit code', { timeout: 240_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const convene = (...args: string[]): Promise<Outcome> =>
    run(BIN, args, { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-cli-'));
    env = { ...process.env, CONVENE_DATA_DIR: dir, DATABASE_URL: '', CONVENE_NOW: '2026-03-02T10:00:00Z' };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the sweeps on an empty database and says what they found, as text or JSON', async () => {
    expect(await convene('reminders', 'send')).toEqual({ code: 0, stdout: 'Checked 0 invitations; queued 0 reminders.\n', stderr: '' });
    expect(await convene('reviews', 'request', '--json')).toEqual({ code: 0, stdout: '{"checked":0,"requested":[]}\n', stderr: '' });
    expect(await convene('reviews', 'request')).toEqual({ code: 0, stdout: 'Checked 0 open plans; requested 0 reviews.\n', stderr: '' });
    const jobs = await convene('jobs', 'status', '--json');
    expect(jobs.code).toBe(0);
    expect(JSON.parse(jobs.stdout)).toEqual({ queued: 0, inProgress: 0, failed: 0, oldestQueuedAgeSeconds: 0, failedRuns: [] });
  });

  it('verifies and anchors the audit trail, and lists and revokes agency keys', async () => {
    expect(await convene('audit', 'verify', '--json')).toEqual({ code: 0, stdout: '{"ok":true,"rowsChecked":0,"lastSeq":null,"lastHash":null,"finding":null}\n', stderr: '' });
    expect(await convene('audit', 'anchor', path.join(dir, 'anchor.txt'))).toEqual({ code: 0, stdout: 'The audit trail is empty: nothing to anchor.\n', stderr: '' });
    expect(await convene('api-client', 'list', '--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(await convene('api-client', 'revoke', '00000000-0000-0000-0000-000000000000')).toEqual({ code: 2, stdout: '', stderr: 'No key has that id.\n' });
  });

  it('db: status before and after migrate, and an export of the migrated database', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-cli-db-'));
    const inFresh = (...args: string[]) => run(BIN, args, { env: { ...env, CONVENE_DATA_DIR: fresh } });
    try {
      expect((await inFresh('db', 'status')).stdout).toMatch(/\n\d+ pending: run bin\/convene db migrate\n$/);
      expect((await inFresh('db', 'migrate')).stdout).toMatch(/^Migrated embedded PGlite in .+: (\d+) of \1 migrations applied\.\n$/);
      expect((await inFresh('db', 'status')).stdout).toMatch(/\nUp to date\.\n$/);
      const file = path.join(fresh, 'export.json');
      expect((await inFresh('db', 'export', file)).stdout).toMatch(new RegExp(`^Exported \\d+ rows to ${file.replaceAll('.', '\\.')}\n$`));
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('refuses input an action finds wrong with each field’s message and exit code 2', async () => {
    expect(await convene('cpis', 'export', '--from', '2026-13-01', '--to', 'x')).toEqual({
      code: 2, stdout: '',
      stderr: 'from: Enter the first day as a real date, like 2026-11-01\nto: Enter the last day as a real date, like 2026-11-30\n',
    });
    expect(await convene('census', 'export', '--reference-date', '2026-03-30', '--la-code', '1')).toEqual({
      code: 2, stdout: '', stderr: 'referenceDate: The reference date of a census is 31 March, given as YYYY-03-31.\n',
    });
    const file = path.join(dir, 'calendar.json');
    fs.writeFileSync(file, '{}');
    expect(await convene('calendar', 'import', file)).toEqual({
      code: 2, stdout: '',
      stderr: 'Not imported: england-and-wales: the england-and-wales division is missing; scotland: the scotland division is missing; northern-ireland: the northern-ireland division is missing\n',
    });
    expect(await convene('calendar', 'import', path.join(dir, 'missing.json'))).toEqual({ code: 2, stdout: '', stderr: `Cannot read ${path.join(dir, 'missing.json')}\n` });
  });
});
