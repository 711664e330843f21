import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from './config.js';
import { resolveEncryptionKey, TEST_ENCRYPTION_KEY } from './encryption-key.js';

describe('encryption key', () => {
  it('uses CONVENE_ENCRYPTION_KEY when set', () => {
    expect(resolveEncryptionKey(loadSettings({ CONVENE_ENCRYPTION_KEY: 'cd'.repeat(32) }))).toEqual(Buffer.alloc(32, 0xcd));
  });
  it('in development makes a key once, readable only by its owner, and keeps using it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-key-'));
    const settings = loadSettings({ NODE_ENV: 'development', CONVENE_DATA_DIR: dir });
    const first = resolveEncryptionKey(settings);
    const file = path.join(dir, 'ENCRYPTION-KEY');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(resolveEncryptionKey(settings)).toEqual(first);
    fs.rmSync(dir, { recursive: true });
  });
  it('uses the fixed, public key in tests and never writes a file', () => {
    const dir = path.join(os.tmpdir(), 'convene-key-never-created');
    expect(resolveEncryptionKey(loadSettings({ NODE_ENV: 'test', CONVENE_DATA_DIR: dir }))).toEqual(TEST_ENCRYPTION_KEY);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
