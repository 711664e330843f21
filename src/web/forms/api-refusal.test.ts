import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../modules/shared/errors.js';
import { answerApiRefusal, runApiAction } from './api-refusal.js';

/** Just enough of a reply to see the status and the JSON sent. */
function fakeReply() {
  const seen: { status: number; sent?: unknown } = { status: 200 };
  const reply = {
    code(status: number) {
      seen.status = status;
      return reply;
    },
    send(body: unknown) {
      seen.sent = body;
      return reply;
    },
  } as unknown as FastifyReply;
  return { reply, seen };
}

describe('runApiAction', () => {
  it('answers with done and the action’s result when the action is done', async () => {
    const { reply, seen } = fakeReply();
    await runApiAction(reply, async () => 'enquiry-id', (id) => reply.code(201).send({ id }));
    expect(seen).toEqual({ status: 201, sent: { id: 'enquiry-id' } });
  });

  it('a validation error: 400 with each field and its message, and nothing else the error carries', async () => {
    const { reply, seen } = fakeReply();
    const errors = [{ field: 'child.familyName', message: 'Enter the family name', hint: 'internal' }];
    await runApiAction(reply, async () => { throw new ValidationError(errors); }, () => reply.send('done'));
    expect(seen).toEqual({ status: 400, sent: { errors: [{ field: 'child.familyName', message: 'Enter the family name' }] } });
  });

  it('a conflict: 409 with its message for the whole request', async () => {
    const { reply, seen } = fakeReply();
    await runApiAction(reply, async () => { throw new ConflictError('This enquiry is closed.'); }, () => reply.send('done'));
    expect(seen).toEqual({ status: 409, sent: { errors: [{ field: null, message: 'This enquiry is closed.' }] } });
  });

  it('leaves 403, 404 and faults to the error pages (which answer /api/ routes as JSON)', () => {
    for (const error of [new ForbiddenError(), new NotFoundError(), new Error('database gone')]) {
      const { reply, seen } = fakeReply();
      expect(() => answerApiRefusal(reply, error)).toThrow(error);
      expect(seen.sent).toBeUndefined();
    }
  });
});
