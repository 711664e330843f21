// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json), then copies what the
// compiled code reads from beside itself at run time: templates (.njk), public assets and the SQL
// migrations with their journal. Every path in the code is relative to its own module
// (import.meta.url), so dist/ mirrors src/ and nothing is looked up in src/ at run time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('npm run build: tsc failed');
  process.exit(tsc.status ?? 1);
}

/** Every file tsc does not compile (not .ts), except drizzle's snapshots, which only drizzle-kit reads. */
function copyAssets(from) {
  let copied = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const full = path.join(from, entry.name);
    if (entry.isDirectory()) {
      copied += copyAssets(full);
    } else if (!entry.name.endsWith('.ts') && !/_snapshot\.json$/.test(entry.name)) {
      const target = path.join(dist, path.relative(src, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      copied += 1;
    }
  }
  return copied;
}
const copied = copyAssets(src);
fs.writeFileSync(path.join(dist, 'BUILD.json'), `${JSON.stringify({ builtFrom: 'src', assets: copied }, null, 2)}\n`);
console.log(`Built dist/ (tsc) and copied ${copied} templates, public files and migrations.`);
