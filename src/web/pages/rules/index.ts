import type { FastifyInstance } from 'fastify';
import { PACK_IDS, PACKS, TS_RULE_IDS, declaredParameter, describeParameter, effectiveParameter, parameterOrigin, ruleCitation } from '../../../domain/packs/index.js';
import { RULE_AREAS, RULES, toJson } from '../../../domain/rules/registry.js';

const signedIn = () => true;

export default function rulePages(app: FastifyInstance): void {
  app.get<{ Querystring: { q?: string } }>('/rules', { config: { access: signedIn } }, async (request, reply) => {
    const q = (request.query.q ?? '').trim().toLowerCase().slice(0, 100);
    const matches = RULES.filter(
      (r) => !q || r.id.toLowerCase() === q || r.title.toLowerCase().includes(q) || r.summary.toLowerCase().includes(q) || r.sources.some((s) => s.toLowerCase().includes(q)),
    );
    const areas = Object.entries(RULE_AREAS)
      .map(([area, title]) => ({ area, title, rules: matches.filter((r) => r.area === area) }))
      .filter((a) => a.rules.length > 0);
    const implemented = RULES.filter((r) => r.status === 'implemented').length;
    return reply.view('rules/list.njk', { title: 'Rules', q, areas, total: RULES.length, shown: matches.length, implemented, backLink: { href: '/' } });
  });

  app.get('/rules/packs', { config: { access: signedIn } }, async (_request, reply) => {
    const packs = PACK_IDS.map((id) => ({ id, name: PACKS[id].name }));
    const rows = TS_RULE_IDS.map((ruleId) => ({
      ruleId,
      title: RULES.find((r) => r.id === ruleId)?.title ?? ruleId,
      cells: PACK_IDS.map((pack) => {
        const own = declaredParameter(pack, ruleId);
        const inForce = effectiveParameter(pack, ruleId);
        return {
          text: inForce ? describeParameter(inForce) : 'not in this pack',
          inherited: !own && inForce !== null && parameterOrigin(pack, ruleId) === 'national' && pack !== 'national',
          citation: ruleCitation(pack, ruleId),
        };
      }),
    }));
    return reply.view('rules/packs.njk', { title: 'Timescales by partnership', packs, rows, current: app.convene.settings.pack, backLink: { href: '/rules' } });
  });

  app.get<{ Params: { id: string } }>('/rules/:id', { config: { access: signedIn } }, async (request, reply) => {
    const rule = RULES.find((r) => r.id.toLowerCase() === request.params.id.toLowerCase());
    if (!rule) return reply.callNotFound();
    const parameters = PACK_IDS.map((pack) => ({
      pack: PACKS[pack].name,
      value: rule.parameters[pack] === null || rule.parameters[pack] === undefined ? '—' : formatParameter(rule.parameters[pack]),
      applies: rule.appliesTo.includes(pack),
    }));
    return reply.view('rules/rule.njk', { title: `${rule.id}: ${rule.title}`, rule, parameters, backLink: { href: '/rules' } });
  });

  app.get('/api/v1/rules', { config: { access: signedIn } }, async () => toJson());
}

function formatParameter(value: unknown): string {
  if (value && typeof value === 'object' && 'unit' in (value as Record<string, unknown>)) {
    try {
      return describeParameter(value as Parameters<typeof describeParameter>[0]);
    } catch {
      return JSON.stringify(value);
    }
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
