import type { FastifyInstance } from 'fastify';
import { mayViewChildRecords } from '../../../../policies/children.js';
import { renderCaseFrontDoor } from './render.js';

/** One child's front door: referral, assessments, strategy discussions, enquiries and agency requests. */
export default function caseFrontDoorPages(app: FastifyInstance): void {
  app.get<{ Params: { caseId: string }; Querystring: { done?: string } }>(
    '/cases/:caseId/front-door',
    { config: { access: mayViewChildRecords } },
    async (request, reply) => {
      return renderCaseFrontDoor(request, reply, request.params.caseId, { notice: request.query.done ?? null });
    },
  );
}
