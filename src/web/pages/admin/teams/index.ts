import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadTeams } from '../../../../modules/accounts/load-teams.js';
import { createTeam } from '../../../../modules/accounts/manage-users.js';
import { mayManageUsers } from '../../../../policies/accounts.js';
import { submitShowingValues } from '../../../forms/run-action.js';

const newTeamForm = z.object({
  organisationId: z.string({ error: 'Select the organisation' }).uuid('Select the organisation'),
  name: z.string({ error: 'Enter the team name' }).trim().min(1, 'Enter the team name').max(120, 'Team name must be 120 characters or fewer'),
});

export default function teamAdminPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayManageUsers } };

  async function render(reply: import('fastify').FastifyReply, extra: Record<string, unknown> = {}) {
    const { rows, organisations } = await loadTeams(db);
    return reply.view('admin/teams/page.njk', { title: 'Teams', rows, organisations, values: {}, backLink: { href: '/' }, ...extra });
  }

  app.get('/admin/teams', access, async (_request, reply) => render(reply));

  app.post('/admin/teams', access, async (request, reply) => {
    const addTeam = async (data: z.infer<typeof newTeamForm>) => {
      await createTeam(db, request.actionContext(), data);
      return data.name;
    };
    return submitShowingValues(reply, newTeamForm, addTeam, {
      again: ({ errors, values }) => render(reply, { errors, values }),
      done: (name) => render(reply, { notice: `Team “${name}” added.` }),
    });
  });
}
