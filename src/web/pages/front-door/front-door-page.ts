import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayViewChildRecords } from '../../../policies/children.js';

type Render = (request: FastifyRequest, reply: FastifyReply, id: string, options: { notice: string | null }) => Promise<unknown>;

/**
 * A front-door page, a case's or a household's: the record named by `param` in the URL, shown
 * with the notice the action just done left (`?done=`), to whoever may see children's records.
 */
export function frontDoorPage(app: FastifyInstance, url: string, param: string, render: Render): void {
  app.get<{ Params: Record<string, string>; Querystring: { done?: string } }>(url, { config: { access: mayViewChildRecords } }, async (request, reply) => {
    // The route matches only with the parameter in the URL, so it is always there.
    return render(request, reply, request.params[param] ?? '', { notice: request.query.done ?? null });
  });
}
