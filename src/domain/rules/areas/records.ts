import { describeRetentionSchedule, retentionSchedule } from '../../packs/retention.js';
import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

export const RECORD_RULES = defineArea('RC', [
  {
    id: 'RC1',
    title: 'Full minutes or chair\'s record',
    summary:
      'Certain conferences need full minutes; the others get the chair\'s record of decisions, recommendations, a summary and conclusions, with the reports attached. Hertfordshire lists which need full minutes; other packs configure it.',
    kind: 'enforced',
    parameters: {
      hertfordshire: {
        fullMinutesFor: [
          'any initial conference, including transfer-in and a new household member',
          'any first review',
          'any conference about an unborn child',
          'a new section 47 enquiry on a child with a plan',
          'a looked-after child',
          'legal planning meeting, PLO or live care proceedings',
          'reconvened after a complaint',
          'directed by the head of service',
          'any of these adjourned and reconvened',
        ],
      },
    },
    sources: [herts('§ 10 Administrative Arrangements')],
  },
  {
    id: 'RC2',
    title: 'Contents of the record',
    summary:
      'The record keeps the essential facts, a summary of the discussion showing who said what, each decision with its reasons, and the outline or revised plan.',
    kind: 'recorded',
    parameters: { 'pan-dorset': { alsoRecords: ['analysis of risk', 'dissenting views', 'contingency plan'] } },
    sources: [herts('§ 10 Administrative Arrangements'), dorset('2.112'), dorset('Pan-Dorset note after 2.112')],
  },
  {
    id: 'RC3',
    title: 'Distribution of the record',
    summary:
      'The record goes to every invitee, whether they came or not, and to family members, minus parts they were excluded from (EX3). Sending it to those who gave apologies is considered, friends or solicitors get it only with the parent\'s agreement, and the child\'s copy is talked through with them. Each sending is logged: who, which version, how and when.',
    kind: 'enforced',
    parameters: { nottinghamshire: { alsoSentTo: ['GP'] } },
    sources: [
      herts('§ 10 Administrative Arrangements'),
      dorset('Pan-Dorset note about sending the conference record'),
      notts('GP invitations and summaries'),
      newcastle('5.1.10'),
    ],
  },
  {
    id: 'RC4',
    title: 'The record is confidential',
    summary:
      'Nobody passes the record on without the chair\'s consent (in Pan-Dorset, or the lead professional\'s) or a court order.',
    kind: 'enforced',
    parameters: {
      national: { onwardSharingConsentFrom: ['chair'] },
      'pan-dorset': { onwardSharingConsentFrom: ['chair', 'lead professional'] },
    },
    sources: [herts('§ 10 Administrative Arrangements'), dorset('2.114')],
  },
  {
    id: 'RC5',
    title: 'Conference recordings',
    summary:
      'The chair records the conference (audio or video); the recording is kept securely with the record, released on request with the same redaction as the written record, and falls under the retention schedule: its content is deleted when the case is disposed of.',
    kind: 'enforced',
    sources: [notts('record of conference')],
  },
  {
    id: 'RC6',
    title: 'Information-sharing decisions',
    summary:
      "What will be shared with the child and family is decided and recorded, with the police where their information is involved; consent is sought, and where refused, whether to share anyway for the child's protection is decided with reasons.",
    kind: 'enforced',
    sources: [newcastle('8.2.2–8.2.4')],
  },
  {
    id: 'RC7',
    title: 'Retention, disposal and subject access',
    summary:
      "Records follow the retention schedule the authority's administrator sets per record type (Convene's defaults until then; a shorter period is confirmed before it is saved, and every change is audited with its old and new values); records due for review are listed; disposal is approved, logged and leaves an audit stub, and removes the child's name from every table holding the case's record, with the recordings' content, in one transaction; subject access requests (UK GDPR) are answered within a month, or three where a complex request was extended, with its reason and the requester told, before the first month ran out, with third-party and confidential parts redacted. An open case, or one under a legal hold, is never disposed of, and the person who proposes a disposal cannot approve it.",
    kind: 'enforced',
    // The procedures leave the periods to each agency's retention policy: every pack inherits national's schedule.
    parameters: { national: { retentionSchedule: describeRetentionSchedule(retentionSchedule('national')), subjectAccessAnswerWithin: 'one calendar month from receipt or the identity check; three where a complex request is extended before the first month ends (UK GDPR Article 12(3))' } },
    sources: [herts('§ 10 Administrative Arrangements'), dorset('2.114'), dorset('2.157')],
  },
]);
