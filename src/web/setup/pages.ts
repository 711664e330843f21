import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';

const PAGES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pages');

/** Every page folder with an index.ts (or .js) registers its own routes: no hand-kept list. */
export function findPageModules(dir = PAGES_DIR): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findPageModules(full));
    else if (entry.name === 'index.ts' || entry.name === 'index.js') found.push(full);
  }
  return found.sort();
}

export async function setUpPages(app: FastifyInstance): Promise<void> {
  for (const file of findPageModules()) {
    const mod = (await import(pathToFileURL(file).href)) as { default?: (app: FastifyInstance) => void | Promise<void> };
    if (typeof mod.default !== 'function') throw new Error(`${file} must export a default function(app) that adds its routes`);
    await mod.default(app);
  }
}
