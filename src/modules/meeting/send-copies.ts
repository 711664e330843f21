import type { Queryable } from '../../db/client.js';
import { meetingDistributions, type OutboxAttachment } from '../../db/schema/index.js';
import type { MeetingPart } from '../../domain/conference/meeting-parts.js';
import type { ActionContext } from '../shared/action-context.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import type { Recipient } from './recipients.js';

/** One invitee's copy of a conference document: their own PDF, and what was left out of it (EX3). */
export interface Copy {
  recipient: Recipient;
  pdf: Buffer;
  redactedParts?: MeetingPart[];
  /** This invitee's own letter, where it differs from the issue's (issue 14: in their language). */
  bodyText?: string;
  /** This invitee's own subject line, where it differs from the issue's (issue 14: their language, then English). */
  subject?: string;
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

/** One letter or copy to one invitee, and the line it leaves in the distribution log. */
export interface Letter {
  conferenceId: string;
  document: string;
  documentVersion: number;
  recipient: Pick<Recipient, 'invitationId' | 'name' | 'role' | 'method' | 'address'> & { family?: boolean };
  subject: string;
  bodyText: string;
  attachments?: OutboxAttachment[];
  relatedType: string;
  relatedId: string;
  redactedParts?: MeetingPart[];
  /** Logged when there is no address to send it to, so someone gives it another way. */
  notSentNote: string;
  distributedBy: string | null;
}

/**
 * Every letter to an invitee goes the same way: through the outbox where the invitation gives an
 * address, otherwise noted for giving by other means; and each is logged with who, which version,
 * how and when. Runs inside the caller's transaction. Returns the outbox message, if one was queued.
 */
export async function sendLetter(tx: Queryable, context: ActionContext, letter: Letter): Promise<string | null> {
  const r = letter.recipient;
  let outboxId: string | null = null;
  if (r.method !== 'not-sent' && r.address) {
    outboxId = await enqueueMessage(
      tx,
      {
        channel: r.method,
        toName: r.name,
        toAddress: r.address,
        subject: letter.subject,
        bodyText: letter.bodyText,
        ...(letter.attachments ? { attachments: letter.attachments } : {}),
        relatedType: letter.relatedType,
        relatedId: letter.relatedId,
        conferenceId: letter.conferenceId,
      },
      context.now,
    );
  }
  await tx.insert(meetingDistributions).values({
    conferenceId: letter.conferenceId,
    document: letter.document,
    documentVersion: letter.documentVersion,
    invitationId: r.invitationId,
    recipientName: r.name,
    recipientRole: r.role,
    familyCopy: r.family ?? false,
    method: r.method,
    address: r.address,
    outboxMessageId: outboxId,
    ...(letter.redactedParts ? { redactedParts: letter.redactedParts } : {}),
    note: outboxId ? null : letter.notSentNote,
    distributedBy: letter.distributedBy,
    distributedAt: context.now,
  });
  return outboxId;
}

/** RC3, TS10, TS11: each invitee's copy of a conference document, through sendLetter. */
export async function sendCopies(tx: Queryable, context: ActionContext, issue: Issue, copies: readonly Copy[]): Promise<{ queued: number; notSent: string[] }> {
  let queued = 0;
  const notSent: string[] = [];
  for (const { recipient, pdf, redactedParts, bodyText, subject } of copies) {
    const outboxId = await sendLetter(tx, context, {
      conferenceId: issue.conferenceId,
      document: issue.document,
      documentVersion: issue.version,
      recipient,
      subject: subject ?? issue.subject,
      bodyText: bodyText ?? issue.bodyText(recipient.name),
      attachments: [attachment(issue.fileName, 'application/pdf', pdf)],
      relatedType: issue.relatedType,
      relatedId: issue.relatedId,
      ...(redactedParts ? { redactedParts } : {}),
      notSentNote: 'No email or postal address on the invitation: give it by hand and note it here.',
      distributedBy: issue.distributedBy,
    });
    if (outboxId) queued += 1;
    else notSent.push(recipient.name);
  }
  return { queued, notSent };
}
