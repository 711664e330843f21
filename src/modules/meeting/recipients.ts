import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { inAgendaOrder, type MeetingPart } from '../../domain/conference/meeting-parts.js';
import type { CopyReader } from '../../domain/conference/record-sections.js';
import type { AttendanceRow } from './meeting-state.js';

export type InvitationRow = typeof invitations.$inferSelect;

export interface Recipient extends CopyReader {
  invitationId: string;
  name: string;
  role: string;
  kind: string;
  method: 'email' | 'post' | 'not-sent';
  address: string | null;
  attended: boolean;
}

/** How a copy reaches an invitee: by the channel of their invitation, where we hold the address it needs. */
export function deliveryFor(i: Pick<InvitationRow, 'channel' | 'email' | 'postalAddress'>): { method: Recipient['method']; address: string | null } {
  if (i.channel === 'secure-email' && i.email) return { method: 'email', address: i.email };
  if (i.postalAddress) return { method: 'post', address: i.postalAddress };
  if (i.email) return { method: 'email', address: i.email };
  return { method: 'not-sent', address: null };
}

/**
 * Everyone the decisions and the record go to (RC3, TS10): every invitee, whether they came or
 * not, family members included; each with the parts they were excluded from (EX3) as recorded in
 * the attendance, and the chair's decision to give them the whole record.
 */
export async function listRecipients(db: Queryable, conferenceId: string, attendance: readonly AttendanceRow[]): Promise<Recipient[]> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.conferenceId, conferenceId), inArray(invitations.state, ['confirmed', 'sent'])))
    .orderBy(asc(invitations.name));
  return rows.map((i) => {
    const seen = attendance.find((a) => a.invitationId === i.id);
    const family = isFamilyKind(seen?.kind ?? i.inviteeKind);
    const excludedParts: MeetingPart[] = seen ? inAgendaOrder(seen.excludedParts) : [];
    return {
      invitationId: i.id,
      name: i.name,
      role: i.role,
      kind: i.inviteeKind,
      family,
      excludedParts,
      wholeRecord: seen?.recordScope === 'whole',
      attended: seen?.status === 'present',
      ...deliveryFor(i),
    };
  });
}
