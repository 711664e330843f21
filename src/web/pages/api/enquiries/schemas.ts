import { z } from 'zod';

/** The enquiry API's bodies, in one place: the routes validate with them and the OpenAPI document is made from them. */
const text = (max: number, message: string) => z.string({ error: message }).max(max, `At most ${max} characters`);

const parentName = z.object({
  given: text(100, 'The parent’s given names').default(''),
  family: text(100, 'The parent’s family name').default(''),
}).strict();

export const startEnquiryBody = z.object({
  callerName: text(200, 'The name of the person asking'),
  callerRole: text(200, 'Their role, for example police sergeant'),
  child: z.object({
    given: text(100, 'Given names').default(''),
    family: text(100, 'Family name'),
    dob: text(10, 'Date of birth, YYYY-MM-DD').optional(),
    postcode: text(10, 'Present or past postcode').optional(),
    parents: z.array(parentName).max(2, 'At most two parents').optional()
      .describe('The child’s mother, father or step-parent as the caller names them, if known. A child whose recorded parent matches ranks higher, with a reason such as "mother\'s name matches"; a parent who does not match counts nothing against the child.'),
  }),
}).strict();

export const answerBody = z.object({ childId: z.string().uuid({ error: 'childId must be the id of a candidate this enquiry was shown' }) }).strict();
export const unknownBody = z.object({ advice: text(5000, 'The advice given to the caller') }).strict();

const errors = z.object({ errors: z.array(z.object({ field: z.string().nullable(), message: z.string() })) });
const candidate = z.object({
  childId: z.string().uuid(), name: z.string(), aliases: z.array(z.string()), dateOfBirth: z.string().nullable(), town: z.string().nullable(),
  score: z.number(), strength: z.enum(['strong', 'possible', 'weak']), reasons: z.array(z.string()),
});
export const startedResponse = z.object({ enquiryId: z.string().uuid(), strictFound: z.boolean(), candidates: z.array(candidate) });
export const answerResponse = z.object({ enquiryId: z.string().uuid(), childId: z.string().uuid(), answer: z.array(z.string()) });
export const unknownResponse = z.object({ enquiryId: z.string().uuid(), earlierEnquiry: z.object({ at: z.string(), agency: z.string() }).nullable() });

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const out = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema: z.toJSONSchema(schema) } } });
/** The enquiry's id, as it came back from starting the enquiry. */
const enquiryIdInPath = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const failures = {
  400: out(errors, 'The body is not valid: each error names its field'),
  401: out(errors, 'No key, or a key that is unknown or revoked'),
  403: out(errors, 'The enquiry belongs to another client'),
  409: out(errors, 'The enquiry is already closed'),
  429: out(errors, 'Over the client’s per-minute limit; see Retry-After'),
};

/** What is done to an enquiry already started: a POST with its id in the path, answering 200 or one of the failures. */
const postOnEnquiry = (summary: string, body: z.ZodType, response: z.ZodType, description: string) => ({
  post: { summary, parameters: [enquiryIdInPath], requestBody: { required: true, ...json(body) }, responses: { 200: out(response, description), ...failures } },
});

/** OpenAPI 3.1 for the enquiry API, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Convene enquiry API',
      version: '1.0.0',
      description: 'For police and health systems: is this child known, and on a child protection plan? One enquiry is a search, then either an answer for one of the children it showed or a record that the child is not known. Every candidate shown is audited as a disclosure; the lead social workers concerned are told of an answer at once (RG2–RG4).',
    },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { agencyKey: { type: 'http', scheme: 'bearer', description: 'The agency key issued with `bin/convene api-client create`.' } } },
    security: [{ agencyKey: [] }],
    paths: {
      '/enquiries': {
        post: {
          summary: 'Start an enquiry and search for the child',
          requestBody: { required: true, ...json(startEnquiryBody) },
          responses: { 201: out(startedResponse, 'The enquiry, with at most 10 candidates, strongest first'), ...failures },
        },
      },
      '/enquiries/{id}/answer': postOnEnquiry('Answer for one of the children the enquiry showed', answerBody, answerResponse, 'The answer, a sentence a fact, as kept on the enquiry'),
      '/enquiries/{id}/unknown': postOnEnquiry('Record that the child is not known, with the advice given', unknownBody, unknownResponse, 'Recorded; an earlier enquiry about the same unknown child is named'),
    },
  };
}
