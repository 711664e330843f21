/**
 * RV4 (`004` 7.1.6, 7.3.8): when a designated review keeps a child's plan, two things follow and
 * each stays outstanding until it is recorded: the team manager seeks legal advice, so no child is
 * left on a plan in chronic difficulty without it, and the chair briefs service managers in writing
 * on why the plan continues. Pure: the caller supplies what the records hold.
 */
export interface DesignatedReviewHeld {
  conferenceId: string;
  heldOn: string;
  kind: string;
}

export interface DesignatedReviewFollowUp {
  conferenceId: string;
  heldOn: string;
  legalAdviceOutstanding: boolean;
  briefingOutstanding: boolean;
}

export function designatedReviewFollowUps(input: {
  planOpen: boolean;
  reviewsHeld: readonly DesignatedReviewHeld[];
  legalAdviceFor: ReadonlySet<string>;
  briefingsFor: ReadonlySet<string>;
}): DesignatedReviewFollowUp[] {
  // A plan that has ended was not kept: nothing follows from its designated review.
  if (!input.planOpen) return [];
  return input.reviewsHeld
    .filter((r) => r.kind === 'designated-review')
    .map((r) => ({
      conferenceId: r.conferenceId,
      heldOn: r.heldOn,
      legalAdviceOutstanding: !input.legalAdviceFor.has(r.conferenceId),
      briefingOutstanding: !input.briefingsFor.has(r.conferenceId),
    }))
    .filter((f) => f.legalAdviceOutstanding || f.briefingOutstanding);
}
