import { harmField, harmFromField, roleField } from '../../../../domain/front-door/convene-checks.js';
import { leadsToConference, SECTION_47_OUTCOME_LABELS, isSection47Outcome } from '../../../../domain/front-door/outcomes.js';
import { isNoFurtherAction } from '../../../../domain/front-door/referral-rules.js';
import type { HouseholdChild } from '../../../../modules/shared/load-records.js';

/** Each child as the decision-to-convene form shows them, with what the front door knows and the field names. */
export function presentChildren(children: HouseholdChild[]) {
  return children.map((c) => ({
    caseId: c.caseId, childId: c.childId, name: c.name, hasCase: c.hasCase, unborn: c.unborn,
    dateOfBirth: c.person.dateOfBirth, expectedDeliveryDate: c.expectedDeliveryDate, onPlan: c.onPlan,
    nfa: isNoFurtherAction(c.referralDecision),
    section47: c.section47
      ? { ...c.section47, outcomeLabel: isSection47Outcome(c.section47.outcome) ? SECTION_47_OUTCOME_LABELS[c.section47.outcome] : 'Enquiry open' }
      : null,
    agencyRequestAgreed: c.agencyRequestAgreed,
    suggestedSubject: (c.section47 !== null && leadsToConference(c.section47.outcome)) || c.agencyRequestAgreed,
    lookedAfter: c.lookedAfter, iroId: c.iroId,
    // CV8: nationality and immigration status are established before the conference.
    missingNationality: !c.unborn && (!c.person.nationality || !c.person.immigrationStatus),
    preSettled: c.person.euSettlementStatus === 'pre-settled',
    fields: { role: roleField(c.caseId), harm: harmField(c.caseId), harmFrom: harmFromField(c.caseId) },
  }));
}
