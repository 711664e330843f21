import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, openSecret, sealSecret, SecretBoxError } from './secret-box.js';

const key = Buffer.alloc(32, 7);

describe('secret box', () => {
  it('seals so the stored value does not contain the secret, and opens it again', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key, 'user-1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, key, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP', key, 'user-1')).not.toBe(sealed); // fresh IV each time
  });
  it('refuses another key, another row, or an altered value', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key, 'user-1');
    expect(() => openSecret(sealed, randomBytes(32), 'user-1')).toThrow(SecretBoxError);
    expect(() => openSecret(sealed, key, 'user-2')).toThrow(SecretBoxError);
    const raw = Buffer.from(sealed.slice(7), 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(`enc:v1:${raw.toString('base64url')}`, key, 'user-1')).toThrow(SecretBoxError);
  });
  it('passes a secret stored before sealing through unchanged', () => {
    expect(openSecret('JBSWY3DPEHPK3PXP', key, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });
});
