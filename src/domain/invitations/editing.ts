import type { InviteeKind } from './invitee.js';

export const INVITATION_STATES = ['suggested', 'confirmed', 'removed', 'sent'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface RemovalProblem {
  field: 'reason';
  message: string;
}

/**
 * IN1: a parent or carer is invited unless excluded, and an exclusion carries its reason. Other
 * invitees may be taken off the list with or without one (the checklist only suggests).
 */
export function checkRemoval(invitee: { inviteeKind: InviteeKind | string; state: string }, reason: string | null | undefined): RemovalProblem | null {
  if (invitee.state === 'removed') return null;
  const needsReason = invitee.inviteeKind === 'parent' || invitee.inviteeKind === 'child';
  if (needsReason && !reason?.trim()) {
    return { field: 'reason', message: invitee.inviteeKind === 'parent' ? 'Give the reason this parent is not invited: it is recorded on the child’s file' : 'Give the reason the child is not invited' };
  }
  return null;
}

/** Only a listed, unsent invitation can be confirmed or removed; a sent one is answered, not edited. */
export function mayEdit(state: string): boolean {
  return state === 'suggested' || state === 'confirmed';
}

/**
 * IN9: an observer is confirmed only by the chair's agreement with the family's consent, never by
 * confirming the checklist in bulk or by editing their details.
 */
export function observerCleared(invitee: { inviteeKind: string; chairAgreedAt: Date | null; familyConsent: string | null }): boolean {
  return invitee.inviteeKind !== 'observer' || (invitee.chairAgreedAt !== null && invitee.familyConsent === 'given');
}

export interface ContactProblem {
  invitationId: string;
  name: string;
  message: string;
}

/** IN3: secure email, first-class post, or by hand; each needs its own kind of address before sending. */
export function contactProblem(i: { id: string; name: string; channel: string; email: string | null; postalAddress: string | null }): ContactProblem | null {
  if (i.channel === 'secure-email' && !i.email) return { invitationId: i.id, name: i.name, message: `Add a secure email address for ${i.name}, or send by post` };
  if (i.channel === 'post' && !i.postalAddress) return { invitationId: i.id, name: i.name, message: `Add a postal address for ${i.name}, or choose another way to send` };
  return null;
}
