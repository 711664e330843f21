import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts, staffs } from '../sources.js';

export const INVITATION_RULES = defineArea('IN', [
  {
    id: 'IN1',
    title: 'Core invitees',
    summary:
      'Everyone with parental responsibility is invited, absent parents and birth fathers included, unless excluded with a recorded reason; so are the child when old enough to understand, the social worker and the team manager.',
    kind: 'enforced',
    parameters: { nottinghamshire: { teamManagerAttends: 'every initial conference' } },
    sources: [
      herts('§ 2 Membership of Child Protection Conference'),
      herts('§ 3 Involving Parents/Carers and Family Members'),
      notts('team manager attendance at initial conferences'),
    ],
  },
  {
    id: 'IN2',
    title: 'Invitation checklist',
    summary:
      'Suggested invitees are worked out from the case and can be edited: police, health visitor or school nurse, each GP, school, midwifery for an unborn child, housing, foster carers, the out-of-hours team, paediatrician, children\'s centre, Children\'s Guardian, IRO and adult services, each on its stated conditions; legal services only when the team manager asks.',
    kind: 'prompted',
    parameters: {
      hertfordshire: { policeAtReviews: 'only for a live investigation, domestic abuse or neglect' },
      nottinghamshire: {
        gpOfEachChildAndParent: 'invited to every conference and sent its summary',
        outOfHoursTeamWhen: [
          'incident began out of hours',
          'police protection or EPO arranged through them',
          'three or more of their referrals in six months',
        ],
      },
    },
    sources: [herts('§ 2 Membership of Child Protection Conference'), notts('invitation checklist')],
  },
  {
    id: 'IN3',
    title: 'Content and sending of invitations',
    summary:
      'An invitation names each subject child and lists who else is invited and in what role. Parents also get the parents\' leaflet; agencies get the complaints leaflet and the chair\'s contact details. Invitations go by secure email, or first-class post, and a copy sits on the child\'s record. Convene\'s family letter also gives the date, our reference, the full venue, the chair and social worker, a day to reply by (the TS17 lead time), the day the social worker\'s report reaches them (TS13, or TS16 if earlier), the advocate offer (IN6) and the complaints leaflet; an invitee without an address is listed with the fix and does not hold back the others.',
    kind: 'enforced',
    sources: [notts('invitation letters (Appendices 2 and 3)')],
  },
  {
    id: 'IN4',
    title: 'Invitee who cannot attend',
    summary:
      'A professional who cannot come sends a colleague who has been briefed, lets the co-ordinator know and still provides a written report.',
    kind: 'prompted',
    sources: [
      herts('§ 2 Attendance of Agency Representatives'),
      staffs('Prior to the Conference'),
      newcastle('5.5.4'),
    ],
  },
  {
    id: 'IN5',
    title: 'Child participation',
    summary:
      'Whether and how the child takes part is weighed beforehand (understanding, wishes, parents\' views, benefit, risk of conflict): all or part of the meeting, with or without a parent, and a meeting with the chair first. A child who chooses not to come is heard another way, such as an advocate, writing, drawings, a recording or the social worker.',
    kind: 'recorded',
    sources: [
      herts('§ 4 Involving Children'),
      dorset('Pan-Dorset note after 2.91 (issues for a child attending)'),
      notts('participation of children and young people'),
      newcastle('Standard 4'),
    ],
  },
  {
    id: 'IN6',
    title: 'Offer of an advocate',
    summary:
      'An independent advocate is offered once the conference is decided on, consent is recorded, and a refused offer is made again before each review.',
    kind: 'recorded',
    sources: [herts('§ 3 Involving Parents/Carers and Family Members'), herts('§ 4 Involving Children')],
  },
  {
    id: 'IN7',
    title: 'Interpreters, adjustments and supporters',
    summary:
      'Where English is not a first language an accredited interpreter is booked (never a relative) and reports are translated; disability needs are met; supporters and solicitors come in a supporting role.',
    kind: 'recorded',
    sources: [herts('§ 3 Use of Interpreters'), newcastle('4.1.5'), newcastle('5.1.7')],
  },
  {
    id: 'IN8',
    title: 'Preparing the family',
    summary:
      'Beforehand the social worker explains to the family why the meeting is held, who comes and how it runs, hands over the leaflets, goes through the report, sets up the meeting with the chair and childcare, and notes what the family disputes.',
    kind: 'prompted',
    sources: [herts('§ 3 Information Provision & Planning'), notts('preparing the family')],
  },
  {
    id: 'IN9',
    title: 'Observers',
    summary:
      'An observer attends only if asked for in time (TS17) and agreed by the chair with the family\'s consent, and takes no part in the discussion or the decision.',
    kind: 'enforced',
    sources: [
      herts('§ 2 Attendance of Agency Representatives'),
      notts('observers'),
      newcastle('5.5.1'),
    ],
  },
  {
    id: 'IN10',
    title: "A child's request not acted on; advocacy for parents",
    summary:
      "Where a child's request is not followed because it would not serve them, the reasons are recorded and explained to the child; for a parent with a learning disability or a mental health need, an advocate is considered and the follow-up tracked.",
    kind: 'prompted',
    sources: [newcastle('4.1.4'), newcastle('5.1.6')],
  },
]);
