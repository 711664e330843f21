import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../../../../domain/calendar/working-calendar.js';
import { SECTION_47_OUTCOME_LABELS, SECTION_47_STAGE_LABELS, isSection47Outcome, section47Stage } from '../../../../domain/front-door/outcomes.js';
import { referralSourceLabel } from '../../../../domain/front-door/referral-sources.js';
import {
  followUpFor, isNoFurtherAction, NEXT_STEP_LABELS, REFERRAL_CHANNEL_LABELS, type NextStep, type ReferralChannel,
} from '../../../../domain/front-door/referral-rules.js';
import {
  coreAssessmentDueOn, dateDueStatus, dateTimeDueStatus, initialAssessmentDueOn, referralDecisionDueOn, writtenConfirmationDueAt,
} from '../../../../domain/front-door/timings.js';
import type { loadCaseFrontDoor } from '../../../../modules/front-door/load-case-front-door.js';
import { instantOfLondon, londonDateOf, londonDateTimeOf } from '../../../../domain/calendar/london-time.js';
import { dueTag } from '../due-tags.js';

type CaseFrontDoor = Awaited<ReturnType<typeof loadCaseFrontDoor>>;
type Referral = NonNullable<CaseFrontDoor['referral']>;

function referralView(referral: Referral, calendar: WorkingCalendar, now: Date) {
  const receivedOn = londonDateOf(referral.receivedAt);
  const today = londonDateOf(now);
  const decisionDueOn = referralDecisionDueOn(receivedOn, calendar);
  const followUp = followUpFor(referral.channel as ReferralChannel, referral.referrerIsProfessional);
  let followUpView = null;
  if (followUp === 'acknowledgement') {
    const metOn = referral.acknowledgedAt ? londonDateOf(referral.acknowledgedAt) : null;
    followUpView = {
      kind: followUp, label: 'Acknowledgement of the written referral', dueText: decisionDueOn.toString(), dueIsDate: true,
      metAt: referral.acknowledgedAt, tag: dueTag(dateDueStatus(decisionDueOn, metOn, today)),
    };
  } else if (followUp === 'written-confirmation') {
    const dueAt = writtenConfirmationDueAt(londonDateTimeOf(referral.receivedAt));
    const metAt = referral.confirmedInWritingAt ? londonDateTimeOf(referral.confirmedInWritingAt) : null;
    followUpView = {
      kind: followUp, label: 'Written confirmation from the professional who telephoned (within 48 hours)', dueText: instantOfLondon(dueAt), dueIsDate: false,
      metAt: referral.confirmedInWritingAt, tag: dueTag(dateTimeDueStatus(dueAt, metAt, londonDateTimeOf(now))),
    };
  }
  return {
    ...referral,
    channelLabel: REFERRAL_CHANNEL_LABELS[referral.channel as ReferralChannel] ?? referral.channel,
    sourceLabel: referralSourceLabel(referral.sourceCode),
    decisionLabel: referral.decision ? (NEXT_STEP_LABELS[referral.decision as NextStep] ?? referral.decision) : null,
    nfa: isNoFurtherAction(referral.decision),
    decisionDueOn: decisionDueOn.toString(),
    decisionTag: dueTag(dateDueStatus(decisionDueOn, referral.decidedAt ? londonDateOf(referral.decidedAt) : null, today)),
    followUp: followUpView,
  };
}

/** The case's front door as the page shows it: each step with its due date and where it stands. */
export function presentCaseFrontDoor(data: CaseFrontDoor, calendar: WorkingCalendar, now: Date) {
  const today = londonDateOf(now);
  const referral = data.referral ? referralView(data.referral, calendar, now) : null;
  const assessmentDue = data.referral ? initialAssessmentDueOn(londonDateOf(data.referral.receivedAt), calendar) : null;
  return {
    referral,
    assessments: data.assessments.map((a) => ({
      ...a,
      dueOn: assessmentDue?.toString() ?? null,
      tag: assessmentDue ? dueTag(dateDueStatus(assessmentDue, a.authorisedOn ? Temporal.PlainDate.from(a.authorisedOn) : null, today)) : null,
    })),
    openAssessment: data.assessments.some((a) => a.kind === 'initial' && !a.authorisedOn),
    discussions: data.discussions,
    enquiries: data.enquiries.map((e) => {
      const due = coreAssessmentDueOn(Temporal.PlainDate.from(e.startedOn), calendar);
      return {
        ...e,
        coreDueOn: due.toString(),
        coreTag: dueTag(dateDueStatus(due, e.coreAssessmentCompletedOn ? Temporal.PlainDate.from(e.coreAssessmentCompletedOn) : null, today)),
        stageLabel: SECTION_47_STAGE_LABELS[section47Stage(e)],
        outcomeLabel: isSection47Outcome(e.outcome) ? SECTION_47_OUTCOME_LABELS[e.outcome] : null,
      };
    }),
    agencyRequests: data.agencyRequests,
  };
}
