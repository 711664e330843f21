import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

/** Performance indicators: measured in every pack against that pack's own timescales. */
export const INDICATOR_RULES = defineArea('KP', [
  {
    id: 'KP1',
    title: 'Initial conferences on time',
    summary:
      'Share of initial conferences held within TS1, with days late for the others, and of transfer-in conferences within TS2.',
    kind: 'indicator',
    sources: [herts('§ 1 Timing of Initial Child Protection Conference'), herts('§ 1 Transfer In Conference'), newcastle('Introduction')],
  },
  {
    id: 'KP2',
    title: 'Reviews on time',
    summary: 'Share of review conferences held within TS5 and TS6.',
    kind: 'indicator',
    sources: [herts('§ 1 Review Child Protection Conference'), dorset('2.138')],
  },
  {
    id: 'KP3',
    title: 'Core groups on time',
    summary: 'Share of first core groups within TS8 and of later core groups within the TS9 interval.',
    kind: 'indicator',
    sources: [dorset('2.120'), newcastle('2.1.7')],
  },
  {
    id: 'KP4',
    title: 'Decisions and records sent on time',
    summary: 'Share of decisions sent out within TS10 and of records within TS11.',
    kind: 'indicator',
    sources: [dorset('2.106'), dorset('Pan-Dorset note about sending the conference record'), newcastle('1.2.3'), newcastle('2.1.6')],
  },
  {
    id: 'KP5',
    title: 'Reports on time',
    summary: 'Share of reports that reached the chair and were shared with parents within TS12 to TS16.',
    kind: 'indicator',
    sources: [herts('§ 6 Information for Conference'), dorset('Pan-Dorset note after 2.100')],
  },
  {
    id: 'KP6',
    title: 'Statutory visits on time',
    summary: 'Per child, share of social work visits made within the TS24 frequency.',
    kind: 'indicator',
    sources: [notts('statutory visits'), newcastle('7.1.3')],
  },
  {
    id: 'KP7',
    title: 'Long-running plans',
    summary: 'Plans lasting 21 months or more and 2 years or more, and designated reviews held (TS7).',
    kind: 'indicator',
    sources: [newcastle('7.1.5'), newcastle('7.1.6')],
  },
  {
    id: 'KP8',
    title: 'Repeat plans',
    summary: 'Children on a second or later plan, and those whose new plan started within 2 years of the last.',
    kind: 'indicator',
    sources: [dorset('Pan-Dorset note after 2.156'), newcastle('Introduction')],
  },
  {
    id: 'KP9',
    title: 'Cancellations and late authorisations',
    summary: 'Conferences cancelled or moved, with reasons (CV7), and conferences authorised out of timescale (TS30).',
    kind: 'indicator',
    sources: [newcastle('1.1.2'), newcastle('7.1.1'), herts('§ 1 Timing of Initial Child Protection Conference')],
  },
  {
    id: 'KP10',
    title: 'Quorum and participation',
    summary: 'How often conferences are quorate, how often parents attend, and how children take part, including take-up of advocacy.',
    kind: 'indicator',
    sources: [herts('§ 2 Quorate Conferences'), herts('§ 4 Involving Children'), newcastle('Standard 4')],
  },
]);
