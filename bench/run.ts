// Runs every bench/*.bench.ts and prints its figures as `name: value unit` lines.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run?: () => Promise<string[]> };
  if (typeof mod.run !== 'function') throw new Error(`${file} must export run(): Promise<string[]>`);
  for (const line of await mod.run()) console.log(line);
}
