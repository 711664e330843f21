// `npm start`: with NODE_ENV=production, runs the compiled build (dist/main.js, from `npm run build`)
// with plain node; otherwise runs the TypeScript source through tsx, for development.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.env.NODE_ENV === 'production') {
  const compiled = path.join(root, 'dist', 'main.js');
  if (!fs.existsSync(compiled)) {
    console.error('Convene cannot start: NODE_ENV=production runs the compiled build, and dist/main.js is missing. Run `npm run build` first.');
    process.exit(1);
  }
  await import(pathToFileURL(compiled).href);
} else {
  // tsx is a development dependency: only this branch loads it.
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'main.ts')).href);
}
