import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, exclusionRequests, organisations, reports, users } from '../../db/schema/index.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { exclusionLetterFor, type ExclusionLetterInput, type LetterContact } from '../../documents/family-copy-exclusion-letter.js';
import type { FamilyLanguage } from '../../documents/family-language.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import type { DocumentModel } from '../../documents/document-model.js';
import { familyCopyDocument } from '../../documents/family-copy.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { familyCopyOf } from '../reports/family-copy.js';
import { contentOf, reportConferenceType } from '../reports/report-common.js';
import type { ConferenceForReports } from '../reports/conference-access.js';
import type { ReportKind } from '../../domain/reports/headings.js';

export type ExclusionRequestRow = typeof exclusionRequests.$inferSelect;

async function contact(db: Queryable, userId: string | null): Promise<LetterContact | null> {
  if (!userId) return null;
  const [u] = await db.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, userId));
  return u ? { name: u.name, email: u.email, phone: null } : null;
}

/**
 * EX3: the letter to an excluded family member, from the decision and the conference: the chair,
 * the children's social worker, the authority's contacts, and the family copy of each social work
 * report already submitted, which goes with it.
 */
export async function exclusionLetter(db: Queryable, request: ExclusionRequestRow, context: ConferenceForReports): Promise<{ letter: DocumentModel; enclosures: { name: string; doc: DocumentModel }[]; language: FamilyLanguage }> {
  const invitation = context.invitations.find((i) => i.id === request.invitationId);
  const caseId = context.subjects[0]?.caseId ?? null;
  const [authority] = caseId
    ? await db.select({ name: organisations.name, phone: organisations.phone, email: organisations.secureEmail }).from(cases)
      .innerJoin(organisations, eq(organisations.id, cases.organisationId)).where(eq(cases.id, caseId))
    : [];
  const swReports = await db.select().from(reports)
    .where(and(eq(reports.conferenceId, request.conferenceId), eq(reports.kind, 'social-work'), inArray(reports.status, ['submitted', 'shared'])));
  const enclosures = swReports.map((report) => {
    const kind = report.kind as ReportKind;
    const loaded = { report, kind, conferenceType: reportConferenceType(kind, report.childId, context), context, content: contentOf(report) };
    const child = context.subjects.find((c) => c.childId === report.childId);
    return { name: child?.name ?? 'the children', doc: familyCopyDocument(familyCopyOf(loaded)) };
  });
  const start = context.conference.scheduledStart;
  const input: ExclusionLetterInput = {
    authority: authority ?? { name: 'The local authority', phone: null, email: null },
    recipientName: invitation?.name ?? 'Family member',
    conferenceLabel: CONFERENCE_KIND_LABELS[context.conference.kind as ConferenceKind] ?? 'Child protection conference',
    conferenceDate: start ? formatDate(londonIsoDate(start)) : 'a date still to be set',
    conferenceOn: start ? londonIsoDate(start) : null,
    scope: request.scope === 'whole' ? 'whole' : 'part',
    period: request.period ?? '',
    reasons: request.decisionReasons ?? '',
    chair: await contact(db, context.conference.chairId),
    socialWorker: await contact(db, context.subjects.find((s) => s.socialWorkerId)?.socialWorkerId ?? null),
    supporterName: request.supporterName,
    recordScope: request.recordScope === 'whole' ? 'whole' : 'attended-part',
    reportsEnclosedFor: enclosures.map((e) => e.name),
  };
  // Issue 14: in the family member's recorded language, then English. The enclosed reports stay as
  // their authors wrote them (in English); the social worker goes through them with an interpreter.
  const language = (await familyLanguagesFor(db, request.conferenceId)).get(request.invitationId) ?? { kind: 'english' as const };
  return { letter: exclusionLetterFor(input, language), enclosures, language };
}
