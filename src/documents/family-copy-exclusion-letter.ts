import type { DocumentModel } from './document-model.js';

export interface ExclusionLetterInput {
  recipientName: string;
  conferenceLabel: string;
  conferenceDate: string;
  scope: 'whole' | 'part';
  period: string;
  reasons: string;
  socialWorkerName: string | null;
  supporterName: string | null;
}

/**
 * EX3: the written notice to a family member the chair has excluded: how to give their views,
 * how they will hear the outcome, that they get the social work report and the decisions, and
 * how to complain (000 § 5 and § 12). It is family-facing, so it carries no report content at all.
 */
export function exclusionLetterDocument(input: ExclusionLetterInput): DocumentModel {
  const part = input.scope === 'whole' ? 'the whole of the conference' : `part of the conference (${input.period})`;
  const contact = input.socialWorkerName ?? 'your social worker';
  return {
    title: 'You have been asked not to attend a child protection conference',
    subtitle: `${input.conferenceLabel}, ${input.conferenceDate}`,
    marking: 'FAMILY COPY',
    blocks: [
      { type: 'paragraph', text: `Dear ${input.recipientName},` },
      { type: 'paragraph', text: `The chair of the conference has decided that you should not attend ${part}.` },
      { type: 'heading', text: 'Why' },
      { type: 'paragraph', text: input.reasons },
      ...(input.supporterName
        ? [{ type: 'paragraph' as const, text: `${input.supporterName}, who was coming to support you, will not attend that part either.` }]
        : []),
      { type: 'heading', text: 'How to give your views' },
      {
        type: 'list',
        items: [
          `Tell ${contact}, who will make sure the conference hears them.`,
          'Write them down, or record them, and send them to the chair before the conference.',
          'Ask for a friend, supporter or advocate to speak for you.',
        ],
      },
      { type: 'heading', text: 'What you will receive' },
      {
        type: 'list',
        items: [
          'A copy of the social work report for the conference, before it takes place.',
          'The decisions of the conference, soon after it.',
          'The record of the parts of the conference you attended, or more if the chair decides so.',
        ],
      },
      { type: 'heading', text: 'If you are unhappy with this decision' },
      { type: 'paragraph', text: `You can complain about it using the conference complaints procedure. ${contact} can explain how, or you can write to the chair.` },
      { type: 'paragraph', text: 'Being asked not to attend this conference does not mean you will be asked not to attend future ones.' },
    ],
    footer: 'Family copy. Keep this letter safe.',
  };
}
