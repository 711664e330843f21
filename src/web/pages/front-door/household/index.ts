import type { FastifyInstance } from 'fastify';
import { mayViewChildRecords } from '../../../../policies/children.js';
import { renderHouseholdFrontDoor } from './render.js';

/** A household at the front door: its children, strategy discussions and conferences being arranged. */
export default function householdFrontDoorPages(app: FastifyInstance): void {
  app.get<{ Params: { householdId: string }; Querystring: { done?: string } }>(
    '/households/:householdId/front-door',
    { config: { access: mayViewChildRecords } },
    async (request, reply) => {
      return renderHouseholdFrontDoor(request, reply, request.params.householdId, { notice: request.query.done ?? null });
    },
  );
}
