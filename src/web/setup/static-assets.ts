import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
/** govuk-frontend's built files, served by the app itself: no CDN. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export async function setUpStaticAssets(app: FastifyInstance): Promise<void> {
  const govuk = path.join(GOVUK_DIST, 'govuk');
  await app.register(fastifyStatic, {
    root: path.join(govuk, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1d',
  });
  // The compiled CSS and JS sit beside the assets folder; expose just those two files.
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) {
    const body = await fs.readFile(path.join(govuk, file));
    const type = file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    app.get(`/assets/${file}`, { config: { access: 'public' } }, async (_request, reply) =>
      reply.type(type).header('Cache-Control', 'public, max-age=86400').send(body),
    );
  }
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/public/',
    decorateReply: false,
  });
}
