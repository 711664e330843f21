import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { acquireDataDirLock, DataDirLockedError } from './data-lock.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'convene-lock-'));
}

describe('the PGlite data folder lock', () => {
  it('refuses a second lock while the first is held', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('takes over a stale lock left by a process that has gone', () => {
    const dir = tempDir();
    // A pid far above any live process on this machine.
    fs.writeFileSync(path.join(dir, 'convene.lock'), JSON.stringify({ pid: 4_194_000 }));
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('makes a second Convene process on the same folder exit at once with a clear message', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, CONVENE_DATA_DIR: dir, PORT: '3998', NODE_ENV: 'development', DATABASE_URL: '' },
        encoding: 'utf8',
        // Starting a second process compiles the program with tsx: on a loaded 2-core machine that
        // alone took over 30 s (seen twice); the test is about the message it exits with, not its speed.
        timeout: 100_000,
      });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toMatch(/Another Convene process \(pid \d+\) is using the data folder/);
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dir, 'convene.lock'))).toBe(false);
  }, 120_000);
});
