import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../modules/audit/record-audit.js';
import { AUDIT_PAGE_SIZE, auditActions, searchAudit } from '../../../modules/audit/search-audit.js';
import { mayReadAudit } from '../../../policies/audit.js';
import { parseForm } from '../../forms.js';
import { auditFilterForm } from './form.js';

export default function auditPage(app: FastifyInstance): void {
  const { db } = app.convene;
  app.get('/audit', { config: { access: mayReadAudit } }, async (request, reply) => {
    const actions = await auditActions(db);
    const parsed = parseForm(auditFilterForm, request.query);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('audit/page.njk', { title: 'Audit trail', errors: parsed.errors, values: parsed.values, actions, rows: [], backLink: { href: '/' } });
    }
    const filter = parsed.data;
    const { rows, total } = await searchAudit(db, filter);
    // Looking at the audit trail is itself recorded.
    await recordAudit(db, request.actionContext(), { action: 'audit-searched', details: { ...filter } });
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const query = (page: number) =>
      '/audit?' + new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), page: String(page) }).toString();
    return reply.view('audit/page.njk', {
      title: 'Audit trail', values: filter, actions, rows, total,
      pagination: {
        previous: filter.page > 1 ? { href: query(filter.page - 1) } : undefined,
        next: filter.page < pages ? { href: query(filter.page + 1) } : undefined,
        items: [],
      },
      page: filter.page, pages, backLink: { href: '/' },
    });
  });
}
