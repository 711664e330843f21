import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';

/** The PDF letter as it was sent with an invitation (kept on its outbox message), or null before it is sent. */
export async function loadSentLetterPdf(db: Queryable, invitationId: string): Promise<Buffer | null> {
  const [kept] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'invitation'), eq(outboxMessages.relatedId, invitationId)));
  const copy = kept?.attachments.find((a) => a.contentType === 'application/pdf');
  return copy ? Buffer.from(copy.content, 'base64') : null;
}
