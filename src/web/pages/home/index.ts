import type { FastifyInstance } from 'fastify';
import { queueForRole } from '../../../modules/work-queues/queue-for-role.js';
import { ROLE_LABELS } from '../../../policies/roles.js';
import { WORK_SECTIONS } from './work-sections.js';

export default function homePage(app: FastifyInstance): void {
  app.get('/', { config: { access: () => true } }, async (request, reply) => {
    const actor = request.actor!;
    const groups = [];
    for (const role of actor.roles) {
      const queue = await queueForRole(app.convene.db, actor, role, app.convene.clock(), app.convene.settings.pack);
      groups.push({
        role,
        label: ROLE_LABELS[role],
        sections: WORK_SECTIONS[role].map((s) => ({ ...s, items: queue[s.id] ?? [] })),
      });
    }
    return reply.view('home/page.njk', { title: 'Your work', groups });
  });
}
