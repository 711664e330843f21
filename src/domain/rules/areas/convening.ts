import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

export const CONVENING_RULES = defineArea('CV', [
  {
    id: 'CV1',
    title: 'Conference types',
    summary:
      'A conference is initial, pre-birth initial, transfer-in (a kind of initial), review, designated review or reconvened. Each subject child has its own type, so one meeting can review some children and be the initial conference for another, such as a new baby.',
    kind: 'enforced',
    sources: [
      herts('§ 1 Types of Child Protection Conferences'),
      notts('children moving into a household with children on a plan'),
      newcastle('7.1.5'),
    ],
  },
  {
    id: 'CV2',
    title: 'Every child in the household considered',
    summary:
      'The conference looks at all the children living in the household, not only the subject children, and has information about each of them.',
    kind: 'enforced',
    sources: [herts('§ 1 Initial Child Protection Conference'), herts('§ 6 Information for Conference')],
  },
  {
    id: 'CV3',
    title: 'New child or unborn baby at a siblings\' review',
    summary:
      'A baby or a child newly in the household may be given a plan at the siblings\' review only once its own strategy discussion and section 47 enquiry have happened; otherwise it needs its own initial conference.',
    kind: 'enforced',
    sources: [herts('§ 1 Initial Child Protection Conference'), herts('§ 2 Review Conferences')],
  },
  {
    id: 'CV4',
    title: 'Independent chair, kept for the reviews',
    summary:
      'The chair has no operational or line-management role in the case, and the same person chairs the later reviews wherever that can be arranged.',
    kind: 'enforced',
    sources: [herts('§ 7 Chairing of Conference'), dorset('2.92'), notts('chair\'s responsibilities')],
  },
  {
    id: 'CV5',
    title: 'Looked-after child: one process led by the IRO',
    summary:
      'For a looked-after child on a plan there is a single planning and review process under the IRO. The IRO and the child protection chair agree who chairs, and the IRO attends if not chairing.',
    kind: 'prompted',
    sources: [herts('§ 2 Membership of Child Protection Conference'), dorset('2.147–2.150')],
  },
  {
    id: 'CV6',
    title: 'Format and venue',
    summary:
      'The meeting is in person, virtual or hybrid, at a venue that suits as many participants as possible, with a risk assessment where a family member may be a danger to others.',
    kind: 'recorded',
    sources: [notts('booking the conference'), herts('§ 10 Administrative Arrangements'), newcastle('5.1.3')],
  },
  {
    id: 'CV7',
    title: 'Cancelling or moving a conference',
    summary:
      'A conference is cancelled or rearranged only exceptionally and after consultation; the reason is recorded and given to the professionals and the family.',
    kind: 'enforced',
    sources: [newcastle('1.1.2')],
  },
  {
    id: 'CV8',
    title: 'Nationality and immigration status',
    summary:
      'The nationality and immigration status of the child and family are established, noting EU Settlement Scheme pre-settled status so the family can be pointed to settled status after five years\' residence.',
    kind: 'recorded',
    sources: [herts('§ 1 Types of Child Protection Conferences')],
  },
]);
