import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

// The layering check is only worth having if it fails on a crossing: this fixture has one of each.
describe('the layering check (npm run lint)', () => {
  it('names every crossing in a tree that breaks the arrows', async () => {
    const fixture = path.join(import.meta.dirname, 'fixture');
    const outcome = await run(path.join(root, 'node_modules/.bin/depcruise'), ['src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd: fixture })
      .then(() => ({ failed: false, output: '' }), (error: { stdout: string }) => ({ failed: true, output: error.stdout }));
    expect(outcome.failed).toBe(true);
    expect(outcome.output).toContain('domain-is-pure: src/domain/pure.ts → src/db/client.ts');
    expect(outcome.output).toContain('web-never-touches-the-database: src/web/pages/a/index.ts → src/db/client.ts');
    // The composition root too, even for a type.
    expect(outcome.output).toContain('web-never-touches-the-database: src/web/app.ts → src/db/client.ts');
    expect(outcome.output).toContain('pages-keep-to-their-folder: src/web/pages/a/index.ts → src/web/pages/b/index.ts');
    expect(outcome.output).toMatch(/no-circular: src\/modules\/x\/(one|two)\.ts/);
  }, 120_000);
});
