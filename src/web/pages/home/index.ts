import type { FastifyInstance } from 'fastify';
import { queueForRole } from '../../../modules/work-queues/queue-for-role.js';
import { sectionsMostUrgentFirst } from '../../../modules/work-queues/work-item.js';
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
        // One ordering for every queue: the section holding the most overdue item comes first.
        sections: sectionsMostUrgentFirst(WORK_SECTIONS[role].map((s) => ({ ...s, items: queue[s.id] ?? [] }))),
      });
    }
    return reply.view('home/page.njk', { title: 'Your work', groups });
  });
}
