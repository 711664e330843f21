import type { Block, DocumentModel } from './document-model.js';

export interface LetterContact {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface ExclusionLetterInput {
  authority: { name: string; email: string | null; phone: string | null };
  recipientName: string;
  conferenceLabel: string;
  conferenceDate: string;
  scope: 'whole' | 'part';
  period: string;
  reasons: string;
  chair: LetterContact | null;
  socialWorker: LetterContact | null;
  supporterName: string | null;
  /** The chair's decision on the record they will get (EX3). */
  recordScope: 'whole' | 'attended-part';
  /** The children whose social work report (family copy) goes with this letter; empty: it follows. */
  reportsEnclosedFor: string[];
}

function reach(c: { email: string | null; phone: string | null }): string {
  const ways = [c.phone ? `by phone on ${c.phone}` : null, c.email ? `by email at ${c.email}` : null].filter((w): w is string => w !== null);
  return ways.length > 0 ? ` ${ways.join(' or ')}` : '';
}

/**
 * EX3: the written notice to a family member the chair has excluded (000 § 5 and § 12): why, how to
 * give their views, how they will hear the outcome and what record they will get, that the social
 * work report comes to them, and how to complain. Every sentence is built from a field of the
 * decision or the conference; nothing from the reports themselves is printed in it.
 */
export function exclusionLetterDocument(input: ExclusionLetterInput): DocumentModel {
  const part = input.scope === 'whole' ? 'any part of the conference' : `part of the conference: ${input.period}`;
  const chairName = input.chair?.name ?? 'the chair of the conference';
  const views: string[] = [];
  if (input.socialWorker) views.push(`Tell ${input.socialWorker.name}, the social worker,${reach(input.socialWorker)}, who will make sure the conference hears them.`);
  views.push(`Write your views down, or record them, and send them to ${chairName}${input.chair ? reach(input.chair) : ''} before the conference. They will be presented to the conference and recorded.`);
  if (input.supporterName) views.push(`${input.supporterName}, your supporter, cannot attend for you while you are excluded, but can help you prepare what you want to say.`);
  else views.push('A friend or advocate may speak for you at the conference while you are not there.');
  const outcome: string[] = [`${input.authority.name} will send you the decisions of the conference after it.`];
  outcome.push(
    input.recordScope === 'whole'
      ? 'The chair has decided you will receive the whole record of the conference.'
      : 'The chair has decided you will receive the record of the parts of the conference you attended, not of the parts you were excluded from.',
  );
  const report: Block =
    input.reportsEnclosedFor.length > 0
      ? { type: 'paragraph', text: `The social work report to the conference about ${input.reportsEnclosedFor.join(' and ')} comes with this letter.` }
      : { type: 'paragraph', text: `${input.socialWorker?.name ?? 'The social worker'} will send you the social work report to the conference as soon as it is ready, before the conference.` };
  return {
    title: input.scope === 'whole' ? 'You have been asked not to attend a child protection conference' : 'You have been asked not to attend part of a child protection conference',
    subtitle: `${input.conferenceLabel}, ${input.conferenceDate}`,
    marking: 'FAMILY COPY',
    blocks: [
      { type: 'paragraph', text: `Dear ${input.recipientName},` },
      { type: 'paragraph', text: `${input.chair ? `${input.chair.name}, the chair of the conference,` : 'The chair of the conference'} has decided that you should not attend ${part}.` },
      { type: 'heading', text: 'Why' },
      { type: 'paragraph', text: input.reasons },
      ...(input.supporterName ? [{ type: 'paragraph' as const, text: `${input.supporterName}, who was coming to support you, will not attend while you are excluded either.` }] : []),
      { type: 'heading', text: 'How to give your views' },
      { type: 'list', items: views },
      { type: 'heading', text: 'The social work report' },
      report,
      { type: 'heading', text: 'How you will hear the outcome' },
      { type: 'list', items: outcome },
      { type: 'heading', text: 'If you are unhappy with this decision' },
      { type: 'paragraph', text: `You can complain about it using the complaints procedure for child protection conferences. Contact ${input.authority.name}${reach(input.authority)}, or write to ${chairName}.` },
      { type: 'paragraph', text: `This decision is about the conference on ${input.conferenceDate} only. It does not mean you will be asked not to attend future conferences.` },
    ],
    footer: 'Family copy. Keep this letter safe.',
  };
}
