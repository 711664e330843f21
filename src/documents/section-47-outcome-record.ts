import type { Section47Outcome } from '../domain/front-door/outcomes.js';
import { SHARE_FORMATS, type ShareFormat } from '../domain/front-door/section-47-sharing.js';
import type { DocumentModel } from './document-model.js';
import { dayText } from './invitation-letter.js';

/**
 * FD6 (`002` 2.78): the family's copy of the record of the section 47 enquiry: when the child was
 * seen, whether alone, and otherwise who was there and why; what the enquiry found and what
 * happens next. Plain English, for a parent or (more simply) for the child. Every sentence comes
 * from a field of the record: the outcome's reasons and anything anyone else said are left out,
 * because they may hold other people's information; the social worker talks them through.
 */
export interface Section47FamilyRecordInput {
  authorityName: string;
  recipientName: string;
  forChild: boolean;
  childName: string;
  startedOn: string;
  outcome: Section47Outcome;
  outcomeRecordedOn: string;
  visits: readonly { date: string; seenAlone: boolean; whoWasPresent?: string | undefined; whyNotAlone?: string | undefined }[];
  socialWorkerName: string | null;
  /** The initial conference, where one is booked: its ISO date. */
  conferenceOn: string | null;
  format: ShareFormat;
  language: string;
  interpreter: boolean;
}

function outcomeText(input: Section47FamilyRecordInput): string[] {
  const you = input.forChild;
  const name = you ? 'you' : input.childName;
  if (input.outcome === 'not-substantiated') {
    return [you ? 'We did not find that you have been seriously harmed, or that you are likely to be.' : `The enquiry did not find that ${name} has suffered, or is likely to suffer, significant harm.`];
  }
  if (input.outcome === 'no-continuing-risk') {
    return [
      you ? 'We found that you were harmed, but we do not think you are still at risk.' : `The enquiry found that ${name} was harmed, but is not thought to be at continuing risk of significant harm.`,
      you ? 'There will not be a child protection conference.' : 'There will not be a child protection conference. A manager checks this decision.',
    ];
  }
  const conference = input.conferenceOn
    ? (you ? `It will be on ${dayText(input.conferenceOn)}.` : `It is booked for ${dayText(input.conferenceOn)}.`)
    : (you ? 'We will tell you when it will be.' : 'You will be told the date, and invited, as soon as it is booked.');
  return [
    you ? 'We are still worried that you might be harmed.' : `The enquiry found that ${name} may be at continuing risk of significant harm.`,
    you ? 'So there will be a meeting, called a child protection conference, to work out how to keep you safe.' : 'An initial child protection conference will be held to decide what needs to happen to keep the child safe.',
    conference,
  ];
}

function visitLine(v: Section47FamilyRecordInput['visits'][number], forChild: boolean): string {
  const day = dayText(v.date);
  if (v.seenAlone) return forChild ? `${day}: we talked with you on your own.` : `${day}: seen alone.`;
  const who = v.whoWasPresent?.trim() ? v.whoWasPresent.trim() : 'someone else';
  const why = v.whyNotAlone?.trim() ? ` Why: ${v.whyNotAlone.trim()}` : '';
  return forChild ? `${day}: we saw you with ${who}.${why}` : `${day}: seen with ${who} present.${why}`;
}

export function section47FamilyRecordDocument(input: Section47FamilyRecordInput): DocumentModel {
  const contact = input.socialWorkerName ?? 'your social worker';
  const language = input.language.trim() && !/^english$/i.test(input.language.trim())
    ? [{ type: 'paragraph' as const, text: `You asked for this in ${input.language.trim()}${input.interpreter ? ', with an interpreter' : ''}. ${contact} will go through it with you in that language.` }]
    : input.interpreter ? [{ type: 'paragraph' as const, text: `${contact} will go through this with you with an interpreter.` }] : [];
  const visits = input.visits.length
    ? [{ type: 'list' as const, items: input.visits.map((v) => visitLine(v, input.forChild)) }]
    : [{ type: 'paragraph' as const, text: input.forChild ? 'We have not written down any visits to you.' : 'No visit to the child is recorded.' }];
  return {
    title: input.forChild ? 'What happened when we checked you were safe' : 'The outcome of the section 47 enquiry',
    subtitle: `${input.authorityName}: ${input.childName}`,
    marking: 'FAMILY COPY',
    blocks: [
      { type: 'paragraph', text: `Dear ${input.recipientName},` },
      {
        type: 'paragraph',
        text: input.forChild
          ? `On ${dayText(input.startedOn)} we started finding out whether you are safe. This tells you what we found.`
          : `On ${dayText(input.startedOn)} children's social care started an enquiry into whether ${input.childName} is safe (a section 47 enquiry). This is the record of what it found, finished on ${dayText(input.outcomeRecordedOn)}.`,
      },
      { type: 'heading', text: input.forChild ? 'When we saw you' : `When ${input.childName} was seen` },
      ...visits,
      { type: 'heading', text: input.forChild ? 'What we found' : 'What the enquiry found' },
      ...outcomeText(input).map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'heading', text: input.forChild ? 'Questions' : 'If you have questions or disagree' },
      { type: 'paragraph', text: input.forChild ? `You can ask ${contact} anything about this. You can also tell them if you think something here is wrong.` : `Please talk to ${contact}. If you think something in this record is wrong, tell them, and it will be noted.` },
      ...language,
    ],
    footer: `Family copy. ${SHARE_FORMATS[input.format]}.`,
  };
}
