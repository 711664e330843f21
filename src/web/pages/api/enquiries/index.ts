import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { answerEnquiry } from '../../../../modules/enquiry/answer-enquiry.js';
import { abandonEnquiry, recordUnknownChild } from '../../../../modules/enquiry/record-unknown-child.js';
import { searchForEnquiry } from '../../../../modules/enquiry/search-for-enquiry.js';
import { startEnquiry } from '../../../../modules/enquiry/start-enquiry.js';
import { ValidationError } from '../../../../modules/shared/errors.js';
import { mayTakeEnquiries } from '../../../../policies/enquiries.js';
import { runApiAction } from '../../../forms/api-refusal.js';
import { answerBody, openApiDocument, startEnquiryBody, unknownBody } from './schemas.js';

type IdParams = { Params: { id: string } };
const access = { config: { access: mayTakeEnquiries } };

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => i.code === 'unrecognized_keys'
      ? { field: [...i.path, i.keys.join(', ')].join('.'), message: `Not a field of this request: ${i.keys.join(', ')}` }
      : { field: i.path.join('.') || 'body', message: i.message }));
  }
  return parsed.data;
}

/** Set up by setup/api-clients.ts, which answers 401 before any route when there is no valid key. */
function requireClient(request: FastifyRequest, reply: FastifyReply) {
  if (request.apiClient) return request.apiClient;
  void reply.code(401).header('www-authenticate', 'Bearer').send({ errors: [{ field: null, message: 'Send the agency key as a bearer token.' }] });
  return null;
}

/**
 * RG2–RG4 for machines: the same enquiry as the enquirer's pages, through the same actions, so
 * the caller check, audit and notices are the same. The caller is the key's agency, calling back
 * on its recognised line.
 */
export default function enquiryApi(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get('/api/v1/openapi.json', { config: { access: 'public' } }, async (_request, reply) => reply.send(openApiDocument()));

  app.post('/api/v1/enquiries', access, async (request, reply) => {
    const client = requireClient(request, reply);
    if (!client) return reply;
    return runApiAction(reply, async () => {
      const body = parse(startEnquiryBody, request.body);
      const context = request.actionContext();
      const { id } = await startEnquiry(db, context, { callerName: body.callerName, callerRole: body.callerRole, callerAgency: client.agency, callbackNumber: client.callbackNumber });
      try {
        return { id, found: await searchForEnquiry(db, context, id, body.child) };
      } catch (error) {
        // A search refused (too little to go on) leaves no open enquiry behind: it is closed as asked nothing.
        await abandonEnquiry(db, context, id);
        throw error;
      }
    }, ({ id, found }) => reply.code(201).send({
      enquiryId: id, strictFound: found.strictFound,
      candidates: found.candidates.map((c) => ({ childId: c.id, name: c.name, aliases: c.aliases, dateOfBirth: c.dateOfBirth, town: c.town, score: c.score, strength: c.strength, reasons: c.reasons })),
    }));
  });

  app.post<IdParams>('/api/v1/enquiries/:id/answer', access, async (request, reply) => {
    if (!requireClient(request, reply)) return reply;
    return runApiAction(reply, async () => {
      const { childId } = parse(answerBody, request.body);
      return { childId, answer: await answerEnquiry(db, request.actionContext(), request.params.id, childId) };
    }, ({ childId, answer }) => reply.send({ enquiryId: request.params.id, childId, answer }));
  });

  app.post<IdParams>('/api/v1/enquiries/:id/unknown', access, async (request, reply) => {
    if (!requireClient(request, reply)) return reply;
    return runApiAction(reply, () => recordUnknownChild(db, request.actionContext(), request.params.id, parse(unknownBody, request.body).advice), ({ earlier }) =>
      reply.send({ enquiryId: request.params.id, earlierEnquiry: earlier ? { at: earlier.startedAt.toISOString(), agency: earlier.callerAgency } : null }));
  });
}
