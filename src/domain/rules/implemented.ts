/**
 * Rules outside the timescale engine that the product now applies, with the tests that prove
 * each (form: '<test file>::<test name>', see test-reference.ts). The registry marks these
 * implemented; registry.test.ts fails if a named test is renamed or removed.
 */
const FD = 'src/modules/front-door';
const MEET = 'src/modules/conference-meeting';

export const IMPLEMENTED_TESTS: Record<string, readonly string[]> = {
  FD1: [
    `${FD}/referral-and-assessment.test.ts::records a referral, its decision and the written confirmation, each audited with the child`,
    'src/domain/front-door/timings.test.ts::FD1: decision and acknowledgement the next working day, over a weekend and bank holiday',
    'src/domain/front-door/referral-rules.test.ts::refuses an anonymous referral from someone who says they are a professional',
  ],
  FD2: [
    'src/domain/front-door/timings.test.ts::FD2: initial assessment 10 working days after the referral',
    `${FD}/referral-and-assessment.test.ts::is complete once discussed with the child and family and authorised by a team manager`,
  ],
  FD3: [`${FD}/strategy-and-section-47.test.ts::FD3: records a discussion about two children, audited for each, and its circulation once`],
  FD4: [
    'src/domain/front-door/timings.test.ts::FD4: core assessment 35 working days after the enquiry starts, skipping Easter',
    `${FD}/strategy-and-section-47.test.ts::FD4: records when the child was seen, alone or with who and why, and the core assessment`,
  ],
  FD5: [
    `${FD}/strategy-and-section-47.test.ts::FD5: records each outcome once; continuing risk cannot be “conference not required”; no continuing risk is endorsed by a manager`,
    'src/web/pages/front-door/front-door-journey.test.ts::a strategy discussion for two children, their section 47 outcomes, a decision to convene an ICPC, and a team manager’s authorisation',
    'test/e2e/front-door.e2e.test.ts::a social worker takes a family of two from referral to a requested ICPC; a team manager authorises it and business support sees it to book',
  ],
  CV1: [`${FD}/convene-and-authorise.test.ts::FD5/CV1/CV2: convenes an initial conference for the subjects, lists the other children, due 15 working days after the discussion (TS1)`],
  CV2: [`${FD}/convene-and-authorise.test.ts::FD5/CV1/CV2: convenes an initial conference for the subjects, lists the other children, due 15 working days after the discussion (TS1)`],
  CV3: ['src/web/pages/front-door/front-door-pages.test.ts::CV3: adding a new baby to the siblings’ review without its own strategy discussion and section 47 says a new ICPC is needed'],
  CV4: [
    'src/domain/booking/checks.test.ts::CV4: refuses the allocated social worker, their line manager or the team manager as chair',
    'src/domain/booking/checks.test.ts::CV4: warns when a review is not booked with the previous chair',
    'src/domain/booking/slot-finder.test.ts::suggests only slots the booking checks accept, never the conflicted chair',
    'src/modules/booking/booking-actions.test.ts::refuses a double-booked chair or room, the case’s own manager as chair (CV4), and anyone but business support',
  ],
  CV5: [
    'src/domain/booking/checks.test.ts::CV5: a looked-after child needs the IRO and the agreed chairing arrangement',
    'src/modules/booking/booking-actions.test.ts::CV5: a looked-after child’s conference records the IRO and the agreed chairing arrangement',
  ],
  CV6: [
    'src/domain/booking/checks.test.ts::CV6: a face-to-face conference needs a free room; a hybrid one a video-equipped room; a virtual one none',
    'src/domain/booking/checks.test.ts::CV6: prompts for the family risk assessment in person when a family member may pose a risk',
    'src/domain/booking/slot-finder.test.ts::gives a hybrid conference a video-equipped room and a virtual one none',
  ],
  CV7: [
    'src/modules/booking/booking-actions.test.ts::CV7: rearranging and cancelling need a reason and who was consulted, and keep every change in the history',
    'src/web/pages/conferences/conference-pages.test.ts::rearranges with a reason, and cancels only after the confirmation page (CV7)',
    'src/modules/booking/booking-actions.test.ts::CV7: after invitations went, a new date tells everyone invited and readies new invitations; a cancellation tells them too',
  ],
  CV8: ['src/domain/records/person-rules.test.ts::prompts to signpost a family with pre-settled status (CV8)'],
  UB1: [
    'src/web/pages/people/people-pages.test.ts::records an unborn child with family name and EDD, then the birth on the same record (UB1)',
    `${FD}/convene-and-authorise.test.ts::UB1: a pre-birth conference for an unborn child, due by the earlier of 24 weeks of pregnancy (TS3) and TS1`,
  ],
  TR1: ['src/modules/transfers/transfers.test.ts::a transfer-in conference is due 15 working days after notice, with a temporary plan and the originating social worker invited (TR1, TS2)',
    'test/e2e/after-conference.e2e.test.ts::moves and complaints > a child on another authority’s plan moves in: the transfer-in conference is due 15 working days after notice and appears in business support’s queue',
  ],
  TR2: ['src/modules/transfers/transfers.test.ts::a move out notifies the receiving authority and our plan may end only after their conference (TR2)'],
  CO1: [
    'src/modules/escalation/escalation.test.ts::a parent’s complaint reaches a conference reconvened under a different chair (CO1)',
    'src/domain/escalation/stages.test.ts::family complaint stages (CO1) > goes chair → complaints procedure → reconvened conference under a different chair → review panel → closed',
    'test/e2e/after-conference.e2e.test.ts::moves and complaints > a parent’s complaint about a plan decision is upheld and reaches a conference reconvened under a different chair',
  ],
  CO2: ['src/modules/escalation/escalation.test.ts::professional dissent ends in the decision upheld or the review brought forward, decided by a service manager (CO2)'],
  CO3: ['src/modules/escalation/escalation.test.ts::a chair’s practice concern is tracked to resolution (CO3)'],
  CF1: [
    'src/modules/plans/plans.test.ts::an inquorate conference’s early review drives the plan page, the review queue and the automatic request (CF1, CF2)',
    'src/domain/conference/quorum.test.ts::quorum per subject child (CF1) > is worked out for each child separately',
    `${MEET}/follow-ups.test.ts::pan-dorset inquorate: the chair gives reasons, the review is early, and missing agencies are written to (CF1)`,
    'test/e2e/meeting.e2e.test.ts::the conference meeting > a hertfordshire ICPC for two siblings: quorum, views, a plan for one and child in need for the other, decisions sheet, record and the father’s partial copy',
  ],
  CF2: [
    'src/modules/plans/plans.test.ts::an inquorate conference’s early review drives the plan page, the review queue and the automatic request (CF1, CF2)',
    `${MEET}/meeting-flow.test.ts::keeps the quorum live per child, with police required at a Hertfordshire initial (CF1, CF2)`,
    'test/e2e/meeting.e2e.test.ts::the conference meeting > a hertfordshire ICPC for two siblings: quorum, views, a plan for one and child in need for the other, decisions sheet, record and the father’s partial copy',
  ],
  CF3: ['src/web/pages/meeting/meeting-pages.test.ts::records attendance through the form, with field errors re-shown (CF3)'],
  CF4: [`${MEET}/meeting-flow.test.ts::the chair cannot confirm absent reports were heard until each is presented (CF3, CF4)`],
  DC1: [
    'src/web/pages/meeting/meeting-pages.test.ts::refuses a decision without both harm tests and reasons (DC1), and only the chair may decide',
    'src/web/pages/meeting/meeting-pages.test.ts::refuses a plan for a child harmed in the past but not judged likely to be harmed in future (DC1)',
    'src/domain/conference/decision.test.ts::both harm tests, with reasons (DC1) > at initial conferences, a plan is made or kept only when future harm is likely > harm suffered true, future harm likely false: plan allowed false',
  ],
  DC2: [`${MEET}/follow-ups.test.ts::pan-dorset: one view per agency, and the overrule records TS21 and the senior managers told (DC2, DC3, TS21)`,
    'test/e2e/meeting.e2e.test.ts::the conference meeting > pan-dorset: agency views tie 2–2 and the chair’s view decides; for the other child the chair overrules the majority to make a plan',
  ],
  DC3: [`${MEET}/follow-ups.test.ts::pan-dorset: one view per agency, and the overrule records TS21 and the senior managers told (DC2, DC3, TS21)`,
    'test/e2e/meeting.e2e.test.ts::the conference meeting > pan-dorset: agency views tie 2–2 and the chair’s view decides; for the other child the chair overrules the majority to make a plan',
  ],
  DC4: [`${MEET}/follow-ups.test.ts::a review that keeps the plan changes the latest category only with grounds, and keeps the initial one (DC4)`],
  DC5: [
    `${MEET}/meeting-flow.test.ts::an adjournment in pan-dorset creates the reconvened conference, requested and due within TS20 (DC5, TS20)`,
    `${MEET}/follow-ups.test.ts::varying an outcome already recorded needs the reason, and the earlier decision is kept (DC5)`,
    'test/e2e/meeting.e2e.test.ts::the conference meeting > a hertfordshire ICPC for two siblings: quorum, views, a plan for one and child in need for the other, decisions sheet, record and the father’s partial copy',
  ],
  DC6: [`${MEET}/meeting-flow.test.ts::a plan decision creates the plan with its census facts when the conference is held (DC4, DC6, CENSUS)`],
  DC7: [
    'src/domain/conference/decision.test.ts::quorum, dissent and complaints (CF1, DC3, DC7) > parents who disagree must be told the complaints route',
    'src/presenters/document-statements.test.ts::each statement in each document comes from the field that holds it (DC7, RC2, TS10) > parents agree, complaints route not explained: the family copy of the record says what the record holds',
  ],
  DC8: ["src/domain/conference/decision.test.ts::what a plan names (DC6, DC8) > an under-5 needs the children's centre decision, and a reason when not told"],
  PL1: ['src/presenters/decisions-sheet.test.ts::decisions sheet (TS10, DC6, PL1) > gives outcome, category, lead social worker, core group, dates and the outline plan per child'],
  PL3: ['src/domain/conference/outline-plan.test.ts::outline plan completeness (PL1, PL3) > an empty plan lists every element'],
  RC1: [`${MEET}/distribution.test.ts::refuses to distribute the record before the chair approves it (RC1, RC3)`],
  RC2: ['src/presenters/conference-record.test.ts::the record of the conference (RC2, RC4) > holds the essential facts, the views, each decision with its reasons, dissent and the outline plan'],
  RC3: [`${MEET}/distribution.test.ts::the excluded father's copy lacks the part he missed; family copies lack the confidential section (EX3, RC3, RP4)`,
    'test/e2e/meeting.e2e.test.ts::the conference meeting > a hertfordshire ICPC for two siblings: quorum, views, a plan for one and child in need for the other, decisions sheet, record and the father’s partial copy',
  ],
  RC4: ['src/domain/conference/record-rules.test.ts::RC4: confidentiality notice > names the chair, and in pan-dorset the lead professional too'],
  IN1: [
    'src/domain/invitations/checklist.test.ts::IN1: invites every parent with parental responsibility, the absent parent too, each with the reason',
    'src/domain/invitations/checklist.test.ts::IN1: suggests a birth father without parental responsibility, and a carer living with the child as family',
    'src/domain/invitations/checklist.test.ts::IN1: suggests the child from 12, not younger, and the social worker and team manager always',
    'src/modules/invitations/invitations.test.ts::IN1: removing a parent needs a reason; once removed they are not suggested again',
    'src/web/pages/invitations/invitation-pages.test.ts::IN1: removing a parent asks for a reason; a bad email is refused; then the checklist is confirmed',
  ],
  IN2: [
    'src/domain/invitations/checklist.test.ts::IN2: police at every initial; at a review only for an investigation, domestic abuse or neglect',
    'src/domain/invitations/checklist.test.ts::IN2: health visitor for an under-5, school nurse and school for a school-age child',
    'src/domain/invitations/checklist.test.ts::IN2: one GP per practice, naming each child and parent it covers',
    'src/domain/invitations/checklist.test.ts::UB2/IN2: midwives and the midwifery manager for an unborn child',
    'src/domain/invitations/checklist.test.ts::IN2: housing only for social housing; legal only when the team manager asks',
    'src/domain/invitations/checklist.test.ts::IN2: the out-of-hours team on any of its three conditions, and not on two referrals',
    'src/domain/invitations/checklist.test.ts::IN2: a paediatrician for an injury, a report, a dispute, a disability or growth concern',
    "src/domain/invitations/checklist.test.ts::IN2: children's centre for an under-5 it works with; the Guardian as observer in proceedings; the IRO for a looked-after child",
    'src/domain/invitations/checklist.test.ts::IN2: foster carers and adult services where involved',
    'src/modules/invitations/invitations.test.ts::IN2: builds the checklist with a reason for each suggestion, named contacts from the directory, and is idempotent',
    'src/web/pages/invitations/invitation-pages.test.ts::IN2: business support builds the checklist with reasons, and each view of the list is audited per child',
  ],
  IN3: [
    'src/documents/invitation-documents.test.ts::IN3: the parent letter names every subject child, mentions the parents’ leaflet and lists everyone invited',
    'src/documents/invitation-documents.test.ts::IN3: the agency letter carries the complaints leaflet, the chair’s name and contacts, and asks for a report',
    'src/documents/invitation-documents.test.ts::the parent’s letter: a letter a parent can act on (issue 14) > is dated, addressed to the parent at their recorded address, and carries our reference',
    'src/documents/invitation-documents.test.ts::the parent’s letter: a letter a parent can act on (issue 14) > names the chair and the social worker, the day to reply by and the day they will see the report',
    'src/documents/invitation-documents.test.ts::the parent’s letter: a letter a parent can act on (issue 14) > offers an independent advocate and sends the complaints leaflet to the parent too',
    'src/modules/invitations/invitations.test.ts::IN3: one invitee without an address does not block the others: the rest go, the held one is listed with the fix and goes once fixed',
    'src/modules/invitations/invitations.test.ts::IN3: nothing to send at all is refused, naming who lacks an address',
    'src/modules/invitations/invitations.test.ts::IN3: sends in one go: letters naming every child and listing everyone, PDF and calendar by email, posted letters printed as one batch, status moved, audited per child',
    'src/modules/invitations/invitations.test.ts::IN3: a booked room brings its building’s address to the letter and the calendar entry; a family member’s calendar file is PUBLISH',
    'src/web/pages/invitations/invitation-pages.test.ts::IN3: the send page sends what is ready and holds back who lacks an address, with the link to fix it',
    'src/web/pages/invitations/invitation-pages.test.ts::IN3: business support sees the letters waiting and what is held back, prints them as one batch and can print it again',
    'src/modules/outbox/sender.test.ts::IN3: delivers sent invitations by SMTP with the letter (PDF) and the calendar file (ICS) attached',
    'src/web/pages/invitations/invitation-pages.test.ts::IN3: shows what will be sent, sends, and offers the letter copy as kept; the conference moves on',
  ],
  IN4: [
    'src/modules/invitations/invitations.test.ts::IN4: records responses; a colleague must be named; apologies without a report are chased',
    'src/web/pages/invitations/invitation-pages.test.ts::IN4: records a response and asks to chase a report after apologies',
  ],
  IN5: [
    'src/web/pages/participation/participation-pages.test.ts::IN5: a declared wish not to attend is respected, and the views reach the conference another way',
  ],
  IN6: [
    'src/domain/participation/participation.test.ts::records the date of the offer with the answer',
    'src/domain/participation/participation.test.ts::a refusal is offered again at each review, not at the initial',
  ],
  IN7: [
    'src/web/pages/participation/participation-pages.test.ts::IN7: refuses a family member as interpreter with a message; IN8 and EX4: saves preparation and the supporter',
  ],
  IN8: [
    'src/web/pages/participation/participation-pages.test.ts::IN7: refuses a family member as interpreter with a message; IN8 and EX4: saves preparation and the supporter',
  ],
  IN9: [
    'src/documents/invitation-documents.test.ts::IN9: an observer’s letter says they take no part',
    'src/modules/invitations/invitations.test.ts::IN9/TS17: an observer asked for late is flagged; only the chair agrees, and with the family’s consent they are invited',
    'src/web/pages/invitations/invitation-pages.test.ts::IN9: records an observer request; only the chair decides, with the family’s consent',
  ],
  RP1: [
    'src/domain/reports/report-content.test.ts::RP1: a required heading left empty is refused; an optional one is not',
    'src/web/pages/reports/reports-pages.test.ts::RP1 and RP6: the social worker writes the social work report and records the family’s own views; forms start without errors',
  ],
  RP2: [
    'src/domain/reports/report-content.test.ts::covers involvement, health, other adults, concerns, strengths, child’s views, parenting, analysis',
    'src/domain/reports/report-content.test.ts::adds involvement since the last conference, outcomes and new concerns for a review',
    'src/web/pages/report-files/report-files.test.ts::an invited practitioner uploads their agency’s own report instead of writing each heading, submits it, and staff download it; bad files are refused and nothing changes',
    'src/domain/reports/report-file.test.ts::refuses no file, a file too big, another type, or a file pretending to be a PDF',
  ],
  RP3: [
    'src/domain/reports/report-content.test.ts::RP3: a written contribution without a fact/observation/allegation/opinion marking is refused',
    'src/web/pages/reports/reports-pages.test.ts::RP3: refuses to submit a report with an unmarked contribution, naming the heading',
  ],
  RP4: [
    'src/domain/reports/report-content.test.ts::RP4: a confidential section needs its reasons and its kind, even in a draft',
    'src/web/pages/reports/reports-pages.test.ts::RP4: refuses a confidential section without its reasons',
    'src/web/pages/reports/reports-pages.test.ts::RP4: only the chair records how the confidential section is presented',
  ],
  RP5: [
    'src/web/pages/reports/reports-pages.test.ts::the practitioner writes and submits; the social worker shares the family copy, which never holds the confidential text',
  ],
  RP6: [
    'src/web/pages/reports/reports-pages.test.ts::RP1 and RP6: the social worker writes the social work report and records the family’s own views; forms start without errors',
    'src/web/pages/report-files/report-files.test.ts::an invited practitioner uploads their agency’s own report instead of writing each heading, submits it, and staff download it; bad files are refused and nothing changes',
    'src/domain/reports/report-file.test.ts::refuses no file, a file too big, another type, or a file pretending to be a PDF',
  ],
  EX1: [
    'src/web/pages/participation/participation-pages.test.ts::EX1: refuses a prosecution alone as a ground, and writes nothing',
  ],
  EX2: [
    'src/web/pages/participation/participation-pages.test.ts::EX2, EX3, EX4 and TS18: the chair decides with reasons and period; the letter and the supporter rule follow',
  ],
  EX3: [
    'src/web/pages/participation/participation-pages.test.ts::EX2, EX3, EX4 and TS18: the chair decides with reasons and period; the letter and the supporter rule follow',
  ],
  EX4: [
    'src/web/pages/participation/participation-pages.test.ts::IN7: refuses a family member as interpreter with a message; IN8 and EX4: saves preparation and the supporter',
    'src/web/pages/participation/participation-pages.test.ts::EX2, EX3, EX4 and TS18: the chair decides with reasons and period; the letter and the supporter rule follow',
  ],
  PL2: [
    'src/modules/plans/plans.test.ts::records the first core group with absentees’ views and bumps the plan version (CG1, PL2)',
    'src/modules/plans/plans.test.ts::keeps every version of a plan action and refuses a stale update (PL2)',
  ],
  CG1: [
    'src/modules/plans/plans.test.ts::records the first core group with absentees’ views and bumps the plan version (CG1, PL2)',
    'src/modules/plans/plans.test.ts::nottinghamshire refuses a second core group when the team manager chaired neither (CG1)',
    'src/web/pages/plans/plan-pages.test.ts::records a core group (refusing a missing absentee view) and a missed visit, which the plan page flags (CG1, CG3)',
  ],
  CG2: [
    'src/modules/plans/plans.test.ts::tells the manager and the lead social worker when an action cannot be carried out (CG2)',
  ],
  CG3: [
    'src/modules/plans/plans.test.ts::records seen and not-seen visits per child, flags the breach to the team manager, and changes frequency only with approval (CG3, TS24)',
    'src/policies/plans.test.ts::only a team manager approves a visit frequency change (CG3)',
    'src/web/pages/plans/plan-pages.test.ts::records a core group (refusing a missing absentee view) and a missed visit, which the plan page flags (CG1, CG3)',
  ],
  RV2: [
    'src/modules/plans/plans.test.ts::brings the review forward for an RV2 reason, and asks the chair first about new section 47 enquiries (RV2)',
    'src/web/pages/plans/plan-pages.test.ts::brings the review forward for a failing plan: business support gets a request to book (RV2)',
  ],
  EN1: [
    'src/modules/plans/plans.test.ts::a service manager ends a plan on the child’s death: everyone invited is told and the review stands down (EN1, EN4, EN5)',
    'src/modules/plans/plans.test.ts::refuses the 18th-birthday route before the birthday, and a looked-after consultation where the pack has none (EN1, EN2)',
    'src/policies/plans.test.ts::a service manager ends a plan without a conference; the chair confirms a pending ending (EN1, EN6)',
    'src/web/pages/plans/plan-pages.test.ts::a service manager checks, then ends the plan; the people told are queued (EN1, EN4, EN5)',
    'src/modules/conference-meeting/follow-ups.test.ts::a review that ends the plan keeps the ending with the help that continues and tells everyone invited to the initial conference (EN4, EN5)',
  ],
  EN2: [
    'src/modules/plans/plans.test.ts::refuses the 18th-birthday route before the birthday, and a looked-after consultation where the pack has none (EN1, EN2)',
  ],
  EN3: [
    'src/domain/plans/ending.test.ts::EN3: a first review ends a plan only in an exceptional circumstance, with the child heard and the core assessment done',
    'src/modules/conference-meeting/follow-ups.test.ts::pan-dorset EN3: a first review ends a plan only for an exceptional circumstance, with the child heard and the core assessment complete',
  ],
  EN4: [
    'src/modules/plans/plans.test.ts::a service manager ends a plan on the child’s death: everyone invited is told and the review stands down (EN1, EN4, EN5)',
    'src/web/pages/plans/plan-pages.test.ts::a service manager checks, then ends the plan; the people told are queued (EN1, EN4, EN5)',
    'src/modules/conference-meeting/follow-ups.test.ts::a review that ends the plan keeps the ending with the help that continues and tells everyone invited to the initial conference (EN4, EN5)',
    'test/e2e/meeting.e2e.test.ts::the conference meeting > a hertfordshire review ends a plan: everyone invited to the initial conference is told, by email through SMTP or by post (EN4, EN5)',
  ],
  EN5: [
    'src/domain/plans/ending.test.ts::requires the reason, a date after the start, and what support continues (EN5)',
    'src/modules/plans/plans.test.ts::a service manager ends a plan on the child’s death: everyone invited is told and the review stands down (EN1, EN4, EN5)',
    'src/web/pages/plans/plan-pages.test.ts::a service manager checks, then ends the plan; the people told are queued (EN1, EN4, EN5)',
    'src/modules/conference-meeting/follow-ups.test.ts::a review that ends the plan keeps the ending with the help that continues and tells everyone invited to the initial conference (EN4, EN5)',
  ],
  EN6: [
    'src/domain/plans/ending.test.ts::EN6: an ending waiting for an absent professional is confirmed only once agreed in writing',
    'src/policies/plans.test.ts::a service manager ends a plan without a conference; the chair confirms a pending ending (EN1, EN6)',
  ],
  UB2: [
    'src/domain/invitations/checklist.test.ts::UB2/IN2: midwives and the midwifery manager for an unborn child',
  ],
  RV1: [
    'src/domain/conference/decision.test.ts::both harm tests, with reasons (DC1) > at review conferences, a plan is made or kept only when future harm is likely > harm suffered true, future harm likely false: plan allowed false',
    'src/domain/conference/decision.test.ts::a category change at a review needs grounds',
    'src/modules/conference-meeting/follow-ups.test.ts::a review that keeps the plan changes the latest category only with grounds, and keeps the initial one (DC4)',
    'src/domain/reports/report-content.test.ts::adds progress against the plan, visit dates and proposed revisions for a review',
  ],
  RV3: [
    'src/domain/reports/expected.test.ts::takes the core group’s minutes as the single report of its members, and still expects the others',
    'src/domain/reports/expected.test.ts::expects a report from each invited agency, core group members included, when the core group gave no collective report',
    'src/web/pages/reports/reports-pages.test.ts::RV3: at a review, the core group’s minutes stand as its members’ single report when it chose so',
  ],
  KP1: [
    'test/e2e/performance.e2e.test.ts::the service manager’s performance dashboard, in Chromium > reads the census year’s figures and charts, follows a figure to the children behind it, downloads the CSV, and fixes a backwards period',
    'src/web/pages/performance/performance-pages.test.ts::names the children behind a figure, auditing each one, and exports the list and the tables as CSV, audited',
    'src/domain/indicators/indicators.test.ts::KP1 initial conferences within TS1, days late, transfer-ins within TS2 > names the children behind the figure and the working days late',
    'src/domain/indicators/indicators.test.ts::ICPC timeliness as the Department measures it > bands, within 15 and the median over several children; a child with no section 47 start is set apart',
    'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export',
  ],
  KP2: ['src/domain/indicators/indicators.test.ts::KP2 reviews within TS5 / TS6 > a review held late still counts the next one from the day it was held; a plan ended first is not counted', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP3: ['src/domain/indicators/indicators.test.ts::KP3 core groups: what is not counted > a plan ended before its first core group fell due is not counted, nor a core group with no interval recorded', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP4: ['src/domain/indicators/indicators.test.ts::KP4 decisions within TS10, records within TS11 > newcastle counts 24 hours from the conference', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP5: ['src/domain/indicators/indicators.test.ts::KP5 reports to the chair and to parents > counts each social work and agency report against TS12–TS15, never the family’s own views', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP6: ['src/domain/indicators/indicators.test.ts::KP6 visits: the period and the plan’s end > a plan that ended counts only visits due while it ran, and a visit due after today is not yet missed', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP7: ['src/domain/indicators/indicators.test.ts::KP7 long plans and designated reviews > counts open plans past 21 months, and the 4th review held as a designated review only where the pack has TS7', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP8: ['src/domain/indicators/indicators.test.ts::KP8 repeat plans: who is behind the figure > names the child of each plan started in the period, once, and ignores plans started outside it', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP9: ['src/domain/indicators/indicators.test.ts::KP9 cancellations, rearrangements and TS30 > lists each change with its reason and counts late conferences authorised in writing', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  KP10: ['src/domain/indicators/indicators.test.ts::KP10 quorum, parents, children and advocacy > counts per child decided, per conference with parents expected, per child assessed and per advocate offered', 'src/modules/indicators/load-indicators.test.ts::prints every indicator as JSON, counting what the records hold, and audits the export'],
  RG1: [
    'src/modules/register/register.test.ts::lists every child on a plan today in the area, unborn included, with category, lead worker and team, next review and legal status; each child shown is audited',
    'src/modules/register/register.test.ts::filters by category, team, age band, responsible authority and a past date',
    'src/modules/register/register.test.ts::records a child placed here on another authority’s plan, who then appears with that authority responsible',
    'src/modules/register/register.test.ts::exports the filtered register as CSV, audited per child with who exported what and the filter',
    'src/modules/register/register.test.ts::history lists ended plans with date and reason, and conferences that made no plan',
    'src/modules/register/register.test.ts::is refused to an enquirer or a social worker: the register is the designated manager’s',
    'src/domain/register/register-view.test.ts::the birth range of a band holds exactly the children ageBandOf puts in it',
    'src/web/pages/register/register-pages.test.ts::RG1: shows the register, refuses bad filters with field messages, exports CSV, and is closed to an enquirer',
    'test/e2e/register.e2e.test.ts::the register officer > sees their work and the register: filters it, refuses a bad date and exports it as CSV (RG1)',
    'test/e2e/register.e2e.test.ts::the register officer > reads the history and records a child placed here on another authority’s plan (RG1)',
  ],
  RG5: [
    'src/modules/register/register-officer.test.ts::RG5: a risk notification waits in the register officer’s queue, then linked to the household goes to the lead social worker by email and work queue',
    'test/e2e/register.e2e.test.ts::the register officer > records a risk notification, which waits in the queue until linked to the household and sent to the lead social workers (RG5)',
    'src/modules/transfers/transfers.test.ts::a transfer-in conference is due 15 working days after notice, with a temporary plan and the originating social worker invited (TR1, TS2)',
  ],
  RG6: [
    'src/domain/register/register-view.test.ts::names an under-5 whose parents agreed, counts one whose parents did not or who has no DC8 answer',
    'src/domain/register/register-view.test.ts::includes an unborn child; leaves out a 5-year-old and a child outside the districts',
    'src/modules/register/register-officer.test.ts::RG6: the quarterly list names an under-5 whose parents agreed (DC8) and counts the others; generated, reviewed, sent through the outbox and kept',
    'test/e2e/register.e2e.test.ts::the register officer > adds a children’s centre and generates, reviews and sends its quarterly list (RG6)',
  ],
};
