import type { PackId } from '../packs/pack-id.js';
import type { EndingRoute } from './ending.js';
import { planRules } from './plan-rules.js';

export interface Invitee {
  /** The invitation, where the person was invited: what their language is recorded against (issue 14). */
  readonly id?: string;
  readonly name: string;
  readonly role: string;
  readonly email: string | null;
  readonly postalAddress: string | null;
}

export interface NoticeRecipient {
  readonly name: string;
  readonly role: string;
  readonly channel: 'email' | 'post';
  readonly address: string;
  /** Why this person is told, for the confirmation page. */
  readonly because: string;
  /** The invitation they are told through, if any: a family member's language is recorded against it. */
  readonly invitationId?: string;
}

/**
 * EN4: who is told that a plan has ended. Everyone invited to the initial conference that led
 * to the plan, always; the latest conference's invitees too on the looked-after route where
 * the pack says so (hertfordshire, nottinghamshire); the GP in nottinghamshire; and the lead
 * social worker. One message per address; people with neither email nor address are returned
 * in `unreachable` so the page can say who must be told another way.
 */
export function endingRecipients(
  pack: PackId,
  route: EndingRoute | 'review-decision',
  people: {
    initialInvitees: readonly Invitee[];
    latestInvitees: readonly Invitee[];
    gp: { name: string; practice: string } | null;
    leadSocialWorker: { name: string; email: string | null } | null;
  },
): { recipients: NoticeRecipient[]; unreachable: string[] } {
  const rules = planRules(pack);
  const recipients: NoticeRecipient[] = [];
  const unreachable: string[] = [];
  const seen = new Set<string>();
  const add = (name: string, role: string, email: string | null, post: string | null, because: string, invitationId?: string) => {
    const channel = email ? 'email' : post ? 'post' : null;
    const address = email ?? post;
    if (!channel || !address) {
      unreachable.push(`${name} (${role})`);
      return;
    }
    const key = address.trim().toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    recipients.push({ name, role, channel, address, because, ...(invitationId ? { invitationId } : {}) });
  };
  for (const i of people.initialInvitees) add(i.name, i.role, i.email, i.postalAddress, 'invited to the initial conference', i.id);
  if (route === 'looked-after-consultation' && rules.notifyLatestConferenceInviteesOnLookedAfterRoute) {
    for (const i of people.latestInvitees) add(i.name, i.role, i.email, i.postalAddress, 'invited to the latest conference', i.id);
  }
  if (rules.notifyGp && people.gp) add(people.gp.name, 'GP', null, people.gp.practice, 'the child’s GP');
  if (people.leadSocialWorker) add(people.leadSocialWorker.name, 'Lead social worker', people.leadSocialWorker.email, null, 'lead social worker');
  return { recipients, unreachable };
}
