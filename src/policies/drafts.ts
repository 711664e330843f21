import type { Actor } from './roles.js';

/**
 * Anyone signed in may keep their own session alive and throw away their own draft (issue 14). A
 * draft is found by its author and id together, so nobody reaches another person's
 * (modules/drafts/discard-form-draft.ts); saving one goes through the form's own policy and the
 * child-record check.
 */
export function mayKeepOwnSessionAndDrafts(actor: Actor | null): boolean {
  return actor !== null;
}
