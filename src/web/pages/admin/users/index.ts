import type { FastifyInstance } from 'fastify';
import { loadOrganisationsAndTeams } from '../../../../modules/accounts/load-organisations-and-teams.js';
import { loadUser } from '../../../../modules/accounts/load-user.js';
import { loadUsers } from '../../../../modules/accounts/load-users.js';
import { createUser, resetUserPassword, unlockUser, updateUser } from '../../../../modules/accounts/manage-users.js';
import { mayManageUsers } from '../../../../policies/accounts.js';
import { ROLE_IDS, ROLE_LABELS } from '../../../../policies/roles.js';
import { parseForm } from '../../../forms.js';
import { editUserForm, newUserForm, resetPasswordForm } from './form.js';
import { submitShowingValues } from '../../../forms/run-action.js';

const access = { config: { access: mayManageUsers } };

export default function userAdminPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function choices() {
    return { ...(await loadOrganisationsAndTeams(db)), roleOptions: ROLE_IDS.map((id) => ({ value: id, text: ROLE_LABELS[id] })) };
  }

  app.get<{ Querystring: { created?: string; updated?: string } }>('/admin/users', access, async (request, reply) => {
    const rows = await loadUsers(db);
    const now = app.convene.clock();
    return reply.view('admin/users/list.njk', {
      title: 'Users',
      rows: rows.map((r) => ({
        ...r,
        roleLabels: r.roles.map((x) => ROLE_LABELS[x as keyof typeof ROLE_LABELS] ?? x).join(', '),
        locked: r.lockedUntil !== null && r.lockedUntil > now,
      })),
      notice: request.query.created ? 'The user has been created. Give them their temporary password by a secure route.' : request.query.updated ? 'The user has been updated.' : null,
      backLink: { href: '/' },
    });
  });

  app.get('/admin/users/new', access, async (_request, reply) =>
    reply.view('admin/users/new.njk', { title: 'Add a user', values: { roles: [] }, ...(await choices()), backLink: { href: '/admin/users' } }),
  );

  app.post('/admin/users/new', access, async (request, reply) => {
    return submitShowingValues(reply, newUserForm, (data) => createUser(db, request.actionContext(), data), {
      again: async ({ errors, values }) => reply.view('admin/users/new.njk', { title: 'Add a user', errors, values, ...(await choices()), backLink: { href: '/admin/users' } }),
      done: () => reply.redirect('/admin/users?created=1'),
    });
  });

  app.get<{ Params: { id: string } }>('/admin/users/:id', access, async (request, reply) => {
    const user = await loadUser(db, request.params.id);
    if (!user) return reply.callNotFound();
    return reply.view('admin/users/edit.njk', {
      title: `Change ${user.displayName}`, user, values: { ...user, active: user.active ? 'yes' : 'no' },
      locked: user.lockedUntil !== null && user.lockedUntil > app.convene.clock(),
      ...(await choices()), backLink: { href: '/admin/users' },
    });
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id', access, async (request, reply) => {
    const user = await loadUser(db, request.params.id);
    if (!user) return reply.callNotFound();
    return submitShowingValues(reply, editUserForm, (data) => updateUser(db, request.actionContext(), user.id, data), {
      again: async ({ errors, values }) => reply.view('admin/users/edit.njk', { title: `Change ${user.displayName}`, user, errors, values, ...(await choices()), backLink: { href: '/admin/users' } }),
      done: () => reply.redirect('/admin/users?updated=1'),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/unlock', access, async (request, reply) => {
    await unlockUser(db, request.actionContext(), request.params.id);
    return reply.redirect(`/admin/users/${request.params.id}`);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/password', access, async (request, reply) => {
    const user = await loadUser(db, request.params.id);
    if (!user) return reply.callNotFound();
    const parsed = parseForm(resetPasswordForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('admin/users/edit.njk', {
        title: `Change ${user.displayName}`, user, errors: parsed.errors, values: { ...user, active: user.active ? 'yes' : 'no' },
        ...(await choices()), backLink: { href: '/admin/users' },
      });
    }
    await resetUserPassword(db, request.actionContext(), user.id, parsed.data.temporaryPassword);
    return reply.redirect('/admin/users?updated=1');
  });
}
