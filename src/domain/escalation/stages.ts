import { choiceSet } from '../choices.js';

/**
 * A family complaint (CO1) and a professional's dissent (CO2) each move through fixed stages;
 * these tables say which step may follow which, so no page can skip one.
 */
export const { labels: COMPLAINT_STAGE_LABELS, values: COMPLAINT_STAGES } = choiceSet({
  chair: 'With the conference chair (informal stage)',
  'complaints-procedure': "The authority's complaints procedure, with an inter-agency panel",
  'reconvened-conference': 'Conference reconvened under a different chair',
  'review-panel': 'Review panel',
  closed: 'Closed',
});
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

export type ComplaintStep = 'resolve' | 'escalate' | 'uphold' | 'not-upheld' | 'to-review-panel' | 'close';

const COMPLAINT_TABLE: Record<ComplaintStage, Partial<Record<ComplaintStep, ComplaintStage>>> = {
  chair: { resolve: 'closed', escalate: 'complaints-procedure' },
  'complaints-procedure': { uphold: 'reconvened-conference', 'not-upheld': 'closed', 'to-review-panel': 'review-panel' },
  'reconvened-conference': { 'to-review-panel': 'review-panel', close: 'closed' },
  'review-panel': { close: 'closed' },
  closed: {},
};

export function nextComplaintStage(from: ComplaintStage, step: ComplaintStep): ComplaintStage {
  const to = COMPLAINT_TABLE[from][step];
  if (!to) {
    const allowed = Object.keys(COMPLAINT_TABLE[from]);
    throw new Error(
      allowed.length
        ? `At the stage "${COMPLAINT_STAGE_LABELS[from]}" the next step can only be: ${allowed.join(', ')}.`
        : 'The complaint is closed: nothing more can be recorded against it.',
    );
  }
  return to;
}

export function complaintStepsFrom(stage: ComplaintStage): ComplaintStep[] {
  return Object.keys(COMPLAINT_TABLE[stage]) as ComplaintStep[];
}

export const DISSENT_STAGES = ['raised', 'with-service-manager', 'partnership-chair', 'upheld', 'review-brought-forward'] as const;
export type DissentStage = (typeof DISSENT_STAGES)[number];
export type DissentStep = 'alert-service-manager' | 'uphold-decision' | 'bring-review-forward' | 'to-partnership-chair';

const DISSENT_TABLE: Record<DissentStage, Partial<Record<DissentStep, DissentStage>>> = {
  raised: { 'alert-service-manager': 'with-service-manager' },
  'with-service-manager': { 'uphold-decision': 'upheld', 'bring-review-forward': 'review-brought-forward', 'to-partnership-chair': 'partnership-chair' },
  'partnership-chair': { 'uphold-decision': 'upheld', 'bring-review-forward': 'review-brought-forward' },
  upheld: {},
  'review-brought-forward': {},
};

export function nextDissentStage(from: DissentStage, step: DissentStep): DissentStage {
  const to = DISSENT_TABLE[from][step];
  if (!to) throw new Error(`The dissent is at "${from}": "${step}" is not possible now.`);
  return to;
}

export function dissentStepsFrom(stage: DissentStage): DissentStep[] {
  return Object.keys(DISSENT_TABLE[stage]) as DissentStep[];
}
