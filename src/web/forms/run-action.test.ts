import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { StaleRecordError } from '../../modules/meeting/stale.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../modules/shared/errors.js';
import { answerRefusal, refusalPage, runAction, type Refusal } from './run-action.js';

/** Just enough of a reply to see the status and what was shown. */
function fakeReply(body: Record<string, unknown>) {
  const seen: { status: number; view?: { template: string; data: Record<string, unknown> }; refusal?: Refusal; done?: unknown } = { status: 200 };
  const reply = {
    request: { body },
    code(status: number) {
      seen.status = status;
      return reply;
    },
    view(template: string, data: Record<string, unknown>) {
      seen.view = { template, data };
      return reply;
    },
  } as unknown as FastifyReply;
  const again = (refusal: Refusal) => {
    seen.refusal = refusal;
    return reply;
  };
  const done = (value: unknown) => {
    seen.done = value;
    return reply;
  };
  return { reply, seen, again, done };
}

const typed = { _csrf: 'token', reasons: 'Typed at length before it was refused', version: '3' };
const failing = (error: unknown) => async () => {
  throw error;
};

describe('runAction', () => {
  it('answers with done and the action’s result when the action is done', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, async () => 'new-id', { again, done });
    expect(seen.done).toBe('new-id');
    expect(seen.refusal).toBeUndefined();
    expect(seen.status).toBe(200);
  });

  it('a validation error: 400, the same form with its field messages and everything typed (not the CSRF token)', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    const errors = [{ field: 'reasons', message: 'Say why' }];
    await runAction(reply, failing(new ValidationError(errors)), { again, done });
    expect(seen.status).toBe(400);
    expect(seen.refusal).toMatchObject({ status: 400, errors, conflict: null, stale: false, values: { reasons: typed.reasons, version: '3' } });
    expect(seen.refusal!.values).not.toHaveProperty('_csrf');
    expect(seen.done).toBeUndefined();
  });

  it('a conflict: 409, the same form with the message in the error summary and everything typed', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, failing(new ConflictError('That step was taken already.')), { again, done });
    expect(seen.status).toBe(409);
    expect(seen.refusal).toMatchObject({ status: 409, conflict: 'That step was taken already.', stale: false, values: { reasons: typed.reasons, version: '3' } });
    expect(seen.refusal!.errors).toEqual([{ field: 'form', message: 'That step was taken already.', href: '#main-content' }]);
  });

  it('a conflict against a named field links the summary to it', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, failing(new ConflictError('Already lives here.')), { again, done, conflictField: 'personId' });
    expect(seen.refusal!.errors).toEqual([{ field: 'personId', message: 'Already lives here.' }]);
  });

  it('someone else’s save: 409 with who changed it, what was typed, and the version now stored to save against', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    const stale = new StaleRecordError('The outline plan', 'Chris Chairington', new Date('2026-03-02T10:20:00Z'), 5);
    await runAction(reply, failing(stale), { again, done });
    expect(seen.status).toBe(409);
    expect(seen.refusal!.conflict).toContain('changed by Chris Chairington at 10:20');
    expect(seen.refusal!.stale).toBe(true);
    expect(seen.refusal!.values).toEqual({ reasons: typed.reasons, version: '5' });
    expect(seen.refusal!.error).toBe(stale);
  });

  it('a save in the same instant (version not known yet) keeps the version typed', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, failing(new StaleRecordError('The record', 'someone else', null, null)), { again, done });
    expect(seen.refusal!.values.version).toBe('3');
  });

  it('shows the values it is given instead of the body (a search, a form built from part of the body)', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, failing(new ValidationError([{ field: 'given', message: 'Enter a name' }])), { again, done, values: { given: '' } });
    expect(seen.refusal!.values).toEqual({ given: '' });
  });

  it('a conflict with nothing to correct goes to the conflict page with the way back and the words typed', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, failing(new ConflictError('Someone decided first.')), { again, done, conflictPage: '/agency-requests/1' });
    expect(seen.status).toBe(409);
    expect(seen.refusal).toBeUndefined();
    expect(seen.view).toEqual({
      template: 'errors/conflict.njk',
      data: { title: 'That could not be done', message: 'Someone decided first.', backLink: { href: '/agency-requests/1' }, typed: [typed.reasons] },
    });
  });

  it('the conflict page is only for conflicts: a validation error still brings the form back', async () => {
    const { reply, seen, again, done } = fakeReply(typed);
    await runAction(reply, failing(new ValidationError([{ field: 'reasons', message: 'Say why' }])), { again, done, conflictPage: '/back' });
    expect(seen.status).toBe(400);
    expect(seen.refusal!.errors).toEqual([{ field: 'reasons', message: 'Say why' }]);
  });

  it.each([
    ['not found', new NotFoundError()],
    ['forbidden', new ForbiddenError()],
    ['a fault', new Error('database went away')],
  ])('%s is rethrown for the error pages, with nothing shown', async (_kind, error) => {
    const { reply, seen, again, done } = fakeReply(typed);
    await expect(runAction(reply, failing(error), { again, done })).rejects.toBe(error);
    expect(seen).toEqual({ status: 200 });
  });
});

describe('answerRefusal', () => {
  it('answers an error already caught the same way', async () => {
    const { reply, seen, again } = fakeReply(typed);
    await answerRefusal(reply, new ValidationError([{ field: 'reasons', message: 'Say why' }]), { again });
    expect(seen.refusal!.status).toBe(400);
    await expect(answerRefusal(reply, new NotFoundError(), { again })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('refusalPage', () => {
  it('answers a refusal of a button with no form on the bad-request page, with its messages and the way back (400)', async () => {
    const { reply, seen } = fakeReply(typed);
    await answerRefusal(reply, new ValidationError([{ field: 'reason', message: 'Enter the reason' }]), { again: refusalPage(reply, '/conferences/x'), conflictPage: '/conferences/x' });
    expect(seen.status).toBe(400);
    expect(seen.view?.template).toBe('errors/bad-request.njk');
    expect(seen.view?.data).toMatchObject({ errors: [{ field: 'reason', message: 'Enter the reason' }], backLink: { href: '/conferences/x' } });
  });
});
