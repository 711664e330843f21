import type { FastifyInstance } from 'fastify';
import { frontDoorPage } from '../front-door-page.js';
import { renderCaseFrontDoor } from './render.js';

/** One child's front door: referral, assessments, strategy discussions, enquiries and agency requests. */
export default function caseFrontDoorPages(app: FastifyInstance): void {
  frontDoorPage(app, '/cases/:caseId/front-door', 'caseId', renderCaseFrontDoor);
}
