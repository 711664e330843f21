import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS } from '../../../policies/roles.js';
import { WORK_SECTIONS } from './work-sections.js';

export default function homePage(app: FastifyInstance): void {
  app.get('/', { config: { access: () => true } }, async (request, reply) => {
    const actor = request.actor!;
    const groups = actor.roles.map((role) => ({ role, label: ROLE_LABELS[role], sections: WORK_SECTIONS[role] }));
    return reply.view('home/page.njk', { title: 'Your work', groups });
  });
}
