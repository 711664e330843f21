import type { Queryable } from '../../db/client.js';
import { meetingDistributions } from '../../db/schema/index.js';
import type { MeetingPart } from '../../domain/conference/meeting-parts.js';
import type { ActionContext } from '../shared/action-context.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import type { Recipient } from './recipients.js';

/** One invitee's copy of a conference document: their own PDF, and what was left out of it (EX3). */
export interface Copy {
  recipient: Recipient;
  pdf: Buffer;
  redactedParts?: MeetingPart[];
}

export interface Issue {
  conferenceId: string;
  document: 'decisions' | 'record';
  /** The issue or version the copies carry, in the log and the file name. */
  version: number;
  subject: string;
  /** The letter to one invitee, who is named in it. */
  bodyText(name: string): string;
  fileName: string;
  relatedType: string;
  relatedId: string;
  distributedBy: string;
}

/**
 * RC3, TS10, TS11: every copy goes out the same way, whatever the document: through the outbox
 * where the invitation gives an address, otherwise noted for giving by hand; and each is logged
 * with who, which version, how and when. Runs inside the caller's transaction.
 */
export async function sendCopies(tx: Queryable, context: ActionContext, issue: Issue, copies: readonly Copy[]): Promise<{ queued: number; notSent: string[] }> {
  let queued = 0;
  const notSent: string[] = [];
  for (const { recipient: r, pdf, redactedParts } of copies) {
    let outboxId: string | null = null;
    if (r.method !== 'not-sent' && r.address) {
      outboxId = await enqueueMessage(
        tx,
        {
          channel: r.method,
          toName: r.name,
          toAddress: r.address,
          subject: issue.subject,
          bodyText: issue.bodyText(r.name),
          attachments: [attachment(issue.fileName, 'application/pdf', pdf)],
          relatedType: issue.relatedType,
          relatedId: issue.relatedId,
          conferenceId: issue.conferenceId,
        },
        context.now,
      );
      queued += 1;
    } else {
      notSent.push(r.name);
    }
    await tx.insert(meetingDistributions).values({
      conferenceId: issue.conferenceId,
      document: issue.document,
      documentVersion: issue.version,
      invitationId: r.invitationId,
      recipientName: r.name,
      recipientRole: r.role,
      familyCopy: r.family,
      method: r.method,
      address: r.address,
      outboxMessageId: outboxId,
      ...(redactedParts ? { redactedParts } : {}),
      note: outboxId ? null : 'No email or postal address on the invitation: give it by hand and note it here.',
      distributedBy: issue.distributedBy,
      distributedAt: context.now,
    });
  }
  return { queued, notSent };
}
