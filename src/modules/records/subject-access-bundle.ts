import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  addresses, cases, childProtectionPlans, conferenceChildren, conferenceRecords, conferences, householdMembers, people, referrals, relationships, reports, section47Enquiries,
} from '../../db/schema/index.js';
import { describeCategories } from '../../domain/conference/categories.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { familyCopyContent } from '../../domain/reports/family-copy.js';
import type { ReportKind } from '../../domain/reports/headings.js';
import type { CopyReader } from '../../domain/conference/record-sections.js';
import { formatDate } from '../../domain/deadlines/format-date.js';
import { redactThirdParties, WITHHELD } from '../../domain/records/subject-access.js';
import type { Block, DocumentModel } from '../../documents/document-model.js';
import { documentText } from '../../documents/document-model.js';
import { familyCopyDocument } from '../../documents/family-copy.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { conferenceRecordDocument } from '../../documents/conference-record.js';
import { recordAudit } from '../audit/record-audit.js';
import { recordData } from '../meeting/document-data.js';
import { loadMeetingState } from '../meeting/meeting-state.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { loadSubjectAccessRequest } from './subject-access.js';

/** The family's copy: no confidential section (RP4), every part of the meeting (the requester is not an invitee). */
const SUBJECT_ACCESS_READER: CopyReader = { family: true, excludedParts: [], wholeRecord: false };

const OUTCOMES: Record<string, string> = {
  'not-substantiated': 'The concerns were not substantiated',
  'no-continuing-risk': 'Concerns substantiated, but the child is not judged to be at continuing risk of significant harm',
  'continuing-risk': 'Concerns substantiated and the child judged to be at continuing risk of significant harm',
};
const REFERRAL_DECISIONS: Record<string, string> = {
  'initial-assessment': 'An initial assessment', 'strategy-discussion': 'A strategy discussion', 'early-help': 'Early help', 'no-further-action': 'No further action',
};

const fullName = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

/**
 * RC7 subject access bundle: the records about the child, as the family may see them. Conference
 * records are the family copy built by the record's own presenter (confidential sections left out,
 * RP4/EX3); then every third party's name (relatives and household members other than the
 * requester, other children at the conference, referrers, family members at the meeting) is
 * withheld throughout. Professionals acting in their role are named.
 */
export async function buildSubjectAccessBundle(db: Database, context: ActionContext, requestId: string): Promise<{ doc: DocumentModel; sha256: string }> {
  const request = await loadSubjectAccessRequest(db, context, requestId);
  const childId = request.childId;
  const [child] = await db.select().from(people).where(eq(people.id, childId));
  if (!child) throw new Error('subject access child vanished');
  const childCases = await db.select().from(cases).where(and(eq(cases.childId, childId), eq(cases.organisationId, request.organisationId))).orderBy(asc(cases.openedOn));
  const caseIds = childCases.map((c) => c.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const ids = caseIds.length ? caseIds : none;
  const [refs, s47s, plans, childAddresses, related, households, confRows] = await Promise.all([
    db.select().from(referrals).where(inArray(referrals.caseId, ids)).orderBy(asc(referrals.receivedAt)),
    db.select().from(section47Enquiries).where(inArray(section47Enquiries.caseId, ids)).orderBy(asc(section47Enquiries.startedOn)),
    db.select().from(childProtectionPlans).where(inArray(childProtectionPlans.caseId, ids)).orderBy(asc(childProtectionPlans.startDate)),
    db.select().from(addresses).where(eq(addresses.personId, childId)).orderBy(asc(addresses.fromDate)),
    db.select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName }).from(relationships).innerJoin(people, eq(people.id, relationships.personId)).where(eq(relationships.childId, childId)),
    db.select({ householdId: householdMembers.householdId }).from(householdMembers).where(eq(householdMembers.personId, childId)),
    db.selectDistinct({ conferenceId: conferenceChildren.conferenceId }).from(conferenceChildren)
      .innerJoin(conferenceRecords, eq(conferenceRecords.conferenceId, conferenceChildren.conferenceId))
      .where(and(eq(conferenceChildren.childId, childId), eq(conferenceChildren.role, 'subject'), isNotNull(conferenceRecords.approvedVersion))),
  ]);
  const housemates = households.length
    ? await db.select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName }).from(householdMembers).innerJoin(people, eq(people.id, householdMembers.personId))
      .where(inArray(householdMembers.householdId, households.map((h) => h.householdId)))
    : [];
  const relatedToOthers = await db.select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName }).from(relationships).innerJoin(people, eq(people.id, relationships.childId))
    .where(or(inArray(relationships.personId, related.map((r) => r.id).concat(none)), eq(relationships.personId, childId)));

  const kept = [fullName(child), request.requesterName];
  const keptIds = new Set([childId, request.requesterPersonId].filter((x): x is string => Boolean(x)));
  const thirdParties = new Set<string>();
  for (const p of [...related, ...housemates, ...relatedToOthers]) if (!keptIds.has(p.id)) thirdParties.add(fullName(p));
  for (const r of refs) if (r.referrerName) thirdParties.add(r.referrerName);

  const conferenceBlocks: Block[] = [];
  for (const { conferenceId } of confRows) {
    const state = await loadMeetingState(db, conferenceId);
    const [record] = await db.select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, conferenceId));
    if (!record?.approvedVersion) continue;
    for (const c of state.children) if (c.childId !== childId) thirdParties.add(c.name);
    for (const a of state.attendance) if (a.agency === null && !kept.some((k) => k.toLowerCase() === a.name.toLowerCase())) thirdParties.add(a.name);
    const copy = conferenceRecordDocument(await recordData(db, state, record, record.approvedVersion), SUBJECT_ACCESS_READER);
    conferenceBlocks.push({ type: 'heading', text: `${copy.title}${copy.subtitle ? `: ${copy.subtitle}` : ''}` }, ...copy.blocks);
  }

  const current = childAddresses.find((a) => a.toDate === null) ?? childAddresses.at(-1);
  const blocks: Block[] = [
    { type: 'paragraph', text: `This bundle answers the request made by ${request.requesterName} (${request.relationshipLabel.toLowerCase()}), received on ${formatDate(request.receivedOn)}. It holds the records this authority keeps about ${fullName(child)}.` },
    { type: 'paragraph', text: `Some things are left out, as the law allows: information given in confidence, and the names of other people, shown as ${WITHHELD}. If you think something is missing, tell us and we will explain why.` },
    { type: 'heading', text: 'Personal details' },
    {
      type: 'keyValue', rows: [
        ['Name', fullName(child)],
        ['Date of birth', child.dateOfBirth ? formatDate(child.dateOfBirth) : child.expectedDeliveryDate ? `Not born when recorded; expected ${formatDate(child.expectedDeliveryDate)}` : 'Not recorded'],
        ['Address', current ? [current.line1, current.line2, current.town, current.postcode].filter(Boolean).join(', ') : 'Not recorded'],
      ],
    },
  ];
  if (childCases.length) {
    blocks.push({ type: 'heading', text: 'Involvement with children’s social care' }, { type: 'table', head: ['Opened', 'Closed'], rows: childCases.map((c) => [formatDate(c.openedOn), c.closedOn ? formatDate(c.closedOn) : 'Still open']) });
  }
  for (const r of refs) {
    blocks.push({ type: 'heading', text: `Referral received ${formatDate(londonDateOf(r.receivedAt))}` }, {
      type: 'keyValue', rows: [
        ['Who referred', r.referrerIsProfessional && r.referrerOrganisation ? `A professional from ${r.referrerOrganisation}` : WITHHELD],
        ['The concerns', r.natureOfConcerns], ['How they arose', r.howConcernsArose], ['What was decided', r.decision ? (REFERRAL_DECISIONS[r.decision] ?? r.decision) : 'Not yet decided'],
        ...(r.decisionReasons ? ([['Why', r.decisionReasons]] as [string, string][]) : []),
      ],
    });
  }
  for (const s of s47s) {
    blocks.push({ type: 'heading', text: `Section 47 enquiry started ${formatDate(s.startedOn)}` }, {
      type: 'keyValue', rows: [['Outcome', s.outcome ? (OUTCOMES[s.outcome] ?? s.outcome) : 'Not yet recorded'], ...(s.outcomeReasons ? ([['Reasons', s.outcomeReasons]] as [string, string][]) : [])],
    });
  }
  if (plans.length) {
    blocks.push({ type: 'heading', text: 'Child protection plans' }, {
      type: 'table', head: ['Started', 'Category', 'Ended'],
      rows: plans.map((p) => [formatDate(p.startDate), describeCategories(p.latestCategories), p.endDate ? formatDate(p.endDate) : 'Still in place']),
    });
  }
  blocks.push(...conferenceBlocks);

  // Reports to the conferences about the child, as the family copy (RP4: the confidential section has no field there).
  const subjectOf = await db.selectDistinct({ conferenceId: conferenceChildren.conferenceId }).from(conferenceChildren).where(and(eq(conferenceChildren.childId, childId), eq(conferenceChildren.role, 'subject')));
  const reportRows = subjectOf.length
    ? await db.select({ r: reports, kind: conferences.kind, heldOn: conferences.heldOn }).from(reports).innerJoin(conferences, eq(conferences.id, reports.conferenceId)).where(and(
      inArray(reports.conferenceId, subjectOf.map((c) => c.conferenceId)), inArray(reports.status, ['submitted', 'shared']), or(eq(reports.childId, childId), isNull(reports.childId)),
    )).orderBy(asc(reports.createdAt))
    : [];
  for (const { r, kind, heldOn } of reportRows) {
    // Built only from the fields familyCopyContent reads: the confidential section is never passed.
    const copy = familyCopyDocument(familyCopyContent({
      kind: r.kind as ReportKind, childName: r.childId ? fullName(child) : null, conferenceLabel: CONFERENCE_KIND_LABELS[kind as ConferenceKind] ?? 'Child protection conference',
      conferenceDate: heldOn ? formatDate(heldOn) : 'date not recorded', authorDetails: r.authorDetails, sections: r.sections, version: r.version,
    }));
    blocks.push({ type: 'heading', text: `${copy.title}: ${copy.subtitle ?? ''}` }, ...copy.blocks);
  }

  const names = [...thirdParties].filter((n) => !kept.some((k) => k.toLowerCase() === n.toLowerCase()));
  const redact = (text: string) => redactThirdParties(text, names, kept);
  const redacted = blocks.map((b): Block => {
    if (b.type === 'heading' || b.type === 'paragraph') return { ...b, text: redact(b.text) };
    if (b.type === 'lines') return { ...b, lines: b.lines.map(redact) };
    if (b.type === 'list') return { ...b, items: b.items.map(redact) };
    if (b.type === 'keyValue') return { ...b, rows: b.rows.map(([k, v]) => [redact(k), redact(v)] as [string, string]) };
    return { ...b, head: b.head.map(redact), rows: b.rows.map((row) => row.map(redact)) };
  });
  const doc: DocumentModel = {
    title: 'Your records: subject access request',
    subtitle: `Records about ${fullName(child)}, prepared ${formatDate(londonDateOf(context.now))}`,
    marking: 'CONFIDENTIAL - SUBJECT ACCESS COPY',
    blocks: redacted,
    footer: 'Released under UK GDPR Article 15. Please keep it safe.',
  };
  const sha256 = createHash('sha256').update(documentText(doc)).digest('hex');
  await recordAudit(db, context, { action: 'subject-access-bundle-produced', recordType: 'subject-access-request', recordId: requestId, childId, details: { sha256, conferences: confRows.length, reports: reportRows.length } });
  return { doc, sha256 };
}

export async function renderSubjectAccessBundle(doc: DocumentModel): Promise<Buffer> {
  return renderPdf(doc);
}
