import type { FastifyInstance } from 'fastify';

export default function staticPages(app: FastifyInstance): void {
  app.get('/accessibility', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('static/accessibility.njk', { title: 'Accessibility statement', backLink: { href: '/' } }),
  );
  app.get('/privacy', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('static/privacy.njk', { title: 'Privacy notice', backLink: { href: '/' } }),
  );
}
