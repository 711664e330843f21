import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_IDS } from './pack-id.js';

// ARCHITECTURE.md: a partnership's differences are parameters in its pack file, never branches
// on the pack's id. This scans the pack and deadline code for such branches.

const domain = join(dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['packs', 'deadlines'];
const packLiteral = PACK_IDS.filter((id) => id !== 'national').join('|');
const branch = new RegExp(`(===|!==|case)\\s*['"](${packLiteral})['"]|['"](${packLiteral})['"]\\s*(===|!==)`);

describe('packs are data', () => {
  for (const folder of folders) {
    const files = readdirSync(join(domain, folder)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    it(`no code in src/domain/${folder} branches on a local pack's id`, () => {
      expect(files.length).toBeGreaterThan(0);
      const offending = files.filter((file) => branch.test(readFileSync(join(domain, folder, file), 'utf8')));
      expect(offending).toEqual([]);
    });
  }

  it('would notice such a branch', () => {
    expect(branch.test("if (pack === 'newcastle') return 25;")).toBe(true);
  });
});
