import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from './config.js';

/** Fixed and public: tests only, so they never touch a file or the real key. */
export const TEST_ENCRYPTION_KEY = createHash('sha256').update('convene test key: not secret').digest();

/**
 * The key that seals secrets at rest. Production must set CONVENE_ENCRYPTION_KEY (settings refuse
 * to start without it). In development a key is made once and kept in the data folder
 * (ENCRYPTION-KEY, readable only by its owner), so secrets survive a restart.
 */
export function resolveEncryptionKey(settings: Settings): Buffer {
  if (settings.encryptionKey) return settings.encryptionKey;
  if (settings.production) throw new Error('CONVENE_ENCRYPTION_KEY is required when NODE_ENV=production');
  if (settings.env === 'test') return TEST_ENCRYPTION_KEY;
  const file = path.join(settings.dataDir, 'ENCRYPTION-KEY');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(existing)) return Buffer.from(existing, 'hex');
    throw new Error(`${file} does not hold a 64-character hex key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(settings.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
