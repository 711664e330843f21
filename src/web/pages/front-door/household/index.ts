import type { FastifyInstance } from 'fastify';
import { frontDoorPage } from '../front-door-page.js';
import { renderHouseholdFrontDoor } from './render.js';

/** A household at the front door: its children, strategy discussions and conferences being arranged. */
export default function householdFrontDoorPages(app: FastifyInstance): void {
  frontDoorPage(app, '/households/:householdId/front-door', 'householdId', renderHouseholdFrontDoor);
}
