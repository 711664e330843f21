import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle } from '../sources.js';

/** From referral to the outcome of the section 47 enquiry: upstream of the conference. */
export const FRONT_DOOR_RULES = defineArea('FD', [
  {
    id: 'FD1',
    title: 'Referral recorded and acknowledged',
    summary:
      'A referral captures the concerns, their origin, the needs seen and the referrer\'s involvement, with a next-step decision inside one working day. Written referrals are acknowledged in a working day, phoned-in professional referrals are confirmed in writing within 48 hours, and (Pan-Dorset) a professional may not stay anonymous.',
    kind: 'recorded',
    parameters: { 'pan-dorset': { anonymousProfessionalReferrals: 'not accepted' } },
    sources: [dorset('2.33–2.36'), dorset('Pan-Dorset note after 2.19')],
  },
  {
    id: 'FD2',
    title: 'Initial assessment within 10 working days',
    summary:
      'The initial assessment is due 10 working days after the referral. It counts as complete only once the child and family have been part of it and the team manager has signed it off.',
    kind: 'enforced',
    sources: [dorset('2.40–2.41')],
  },
  {
    id: 'FD3',
    title: 'Strategy discussion recorded and circulated',
    summary:
      'The strategy discussion between social care, police, health and others records what was shared, what was decided and why, whether section 47 enquiries start, immediate safety steps, what the family is told and any legal action; the record goes out within a working day. In Pan-Dorset, physical abuse or serious neglect needs a same-day discussion and the child seen within 24 hours.',
    kind: 'recorded',
    parameters: {
      'pan-dorset': {
        physicalAbuseOrSeriousNeglect: { strategyDiscussion: 'same working day', childSeenWithin: '24 hours' },
      },
    },
    sources: [dorset('2.58–2.63'), dorset('Pan-Dorset note after 2.60')],
  },
  {
    id: 'FD4',
    title: 'Section 47 core assessment within 35 working days',
    summary:
      'The section 47 enquiry runs as a core assessment finished 35 working days after it starts. The record lists each date the child was seen, whether alone, and otherwise who was there and why.',
    kind: 'enforced',
    sources: [dorset('2.66'), dorset('2.78'), dorset('2.122'), newcastle('7.3.4')],
  },
  {
    id: 'FD5',
    title: 'Section 47 outcome and decision to convene',
    summary:
      'The enquiry ends as not substantiated, substantiated without continuing risk (a plan without conference, endorsed by a manager), or continuing risk, which leads to an initial conference. Deciding to convene records per child the harm likely and from whom; a request to convene from another agency\'s designated professional is normally agreed.',
    kind: 'enforced',
    sources: [herts('§ 1 Threshold'), dorset('2.79–2.85')],
  },
  {
    id: 'FD6',
    title: 'Section 47 outcome shared before the initial conference',
    summary:
      'The record of the section 47 outcome — when and how the child was seen, and whether alone — is sent to the parents and to a child old enough to understand it, in a form and language they can use, before any initial conference.',
    kind: 'prompted',
    sources: [dorset('2.78')],
  },
]);
