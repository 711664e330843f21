/**
 * Why a person, not the system, must judge each rule the registry lists as `prompted` or
 * `recorded` (issue 13): what the system does (the field, prompt or block it offers) and the part
 * the procedures leave to professional judgement. Paraphrased from the cited procedures; the
 * registry merges each into its rule, and registry.test.ts fails if a prompted or recorded rule
 * has none.
 */
export const JUDGEMENTS: Record<string, string> = {
  FD1:
    'The system requires the concerns, their source and the next-step decision, and dates the decision and acknowledgement; whether the concerns amount to a referral, and which next step meets the child’s needs, is the social worker’s and manager’s assessment of what they heard.',
  FD3:
    'The system records who took part, what was shared and decided, and times the circulation; whether the threshold for section 47 enquiries is met and what immediate safety steps are needed are decisions the agencies reach together in the discussion.',
  CV5:
    'The system refuses a looked-after child’s booking without the IRO and a recorded chairing arrangement; who chairs is agreed between the IRO and the child protection chair case by case, so the system records their agreement rather than choosing.',
  CV6:
    'The system checks the room against the format (in person, hybrid, virtual) and prompts for the risk assessment; whether a family member may pose a risk to others, and which venue and format suit the participants, are judgements about this family.',
  CV8:
    'The system records nationality and immigration status and prompts to signpost pre-settled status; establishing a person’s status and advising on it rests on what the family tells the social worker and on documents a person must see.',
  IN2:
    'The system works out the suggested invitees from the case, each with its reason, and the business support officer confirms the list; whether a condition holds (an agency is involved, legal advice is needed) and whether to invite anyone else is for the social worker and team manager to decide.',
  IN4:
    'The system records apologies, who attends on someone’s behalf and whether a written report arrived; whether a colleague was properly briefed to stand in cannot be known by the system, only recorded.',
  IN5:
    'The system records how the child takes part and how their views reach the conference; whether attending serves the child (understanding, wishes, parents’ views, risk of conflict) is a judgement the social worker and chair make with the child.',
  IN6:
    'The system records the offer of an advocate, the consent and any refusal, and asks again before each review; whether the child wants an advocate is the child’s choice.',
  IN7:
    'The system records the language, interpreter and adjustments needed and refuses a relative as interpreter; what a person needs in order to take part is established with them, not inferred.',
  IN8:
    'The system records that the family was prepared and what they dispute; how to explain the conference to this family, and whether they understood, is the social worker’s judgement in conversation with them.',
  RP1:
    'The system gives each child their own report with every required section and will not submit one with a section empty; it will not let the report reach the family until a team manager of the worker’s team has checked that version, and puts a recommendation of legal action on the service managers’ list and the chair’s readiness page until agreed (003). The analysis and the recommendation are the social worker’s professional assessment, and their quality the team manager’s judgement.',
  RP2:
    'The system gives the agency report its required headings and refuses to submit it incomplete; what the agency knows and concludes about the child is the practitioner’s professional account.',
  RP3:
    'The system gives each report a place to flag second-hand information; whether a statement is fact, observation, allegation or opinion can only be judged by the author who knows its source.',
  RP6:
    'The system records written or recorded views from family members for the conference; what they say, and whether they choose to give views at all, is theirs to decide.',
  CF3:
    'The system records attendance per person and part, apologies and written reports, and will not let the chair confirm an absent report was heard until it is presented; who actually came is a fact only the minute taker in the room can record.',
  CF4:
    'The system gives the chair the opening checklist and blocks the decision until each absent report is presented; how the chair opens and manages the meeting is their professional conduct, which the system can prompt but not perform.',
  DC2:
    'The system records each practitioner’s (or in pan-dorset each agency’s) view, reasons and category and checks the decision against them; the view itself is each professional’s judgement of the child’s safety.',
  PL1:
    'The system refuses a plan decision without every element of the outline plan filled in; what the risks are, and which actions will reduce them, are judgements the conference makes about this child.',
  PL2:
    'The system keeps the detailed plan’s actions with every version and links them to the core group; how the core group turns the outline into a working plan, and whether progress is enough, is for its members to judge.',
  PL3:
    'The system records how the plan was explained to the child and in which language the family receives it; whether the child understood, given their age and understanding, is judged by the person explaining it.',
  CG2:
    'The system records the concern and sends it to the professional’s manager and the lead social worker through the outbox; whether a professional can carry out their part is something only they can say.',
  RV2:
    'The system records each bring-forward trigger and asks for an early review from it; whether an incident is substantiated, a plan failing or a change significant enough to bring the review forward is the social worker’s and chair’s judgement.',
  RV3:
    'The system expects a report from each core group member, or takes the core group’s minutes as one report where it chose so; whether the minutes are a sufficient account for the review is the chair’s judgement.',
  EN5:
    'The system asks what support continues when a plan ends and records it; which help (child in need plan, early help, a lead professional) meets the child’s needs is the conference’s judgement.',
  UB2:
    'The system invites midwifery, prompts for a core group before the birth and for the discharge plan; whether a core group can meet before the birth, and what the discharge plan says, depend on the pregnancy and the family and are judged by the core group.',
  RC2:
    'The system refuses to approve a record with an essential section empty and prints each decision from the decision recorded; the summary of who said what is written by the minute taker and approved by the chair, who judge it accurate.',
  RG5:
    'The system keeps the register from plans and records each notice of a child moving in or out; whether a person might pose a danger to children, and what to do about a notice, is the designated manager’s judgement.',
  CO1:
    'The system tracks each complaint through its stages and reconvenes a conference under a different chair when one is upheld; whether a complaint is upheld is decided by the chair and the complaints panel on its merits.',
  CO2:
    'The system records dissent with the name and view and takes an escalation to the service manager, whose decision it records; whether the decision leaves the child less safe is the professional’s and the service manager’s judgement.',
  CO3:
    'The system records each practice concern the chair raises and how it was resolved; whether practice falls short, and how to resolve it with the agency, is the chair’s professional judgement.',
  FD6:
    'Once a section 47 outcome is recorded, the case’s social worker has an item on their list until the record has been shared with every parent (a mother, a father or anyone with parental responsibility) and, where judged old enough to understand it, the child: how, in what format and language (suggested from the person’s recorded language and interpreter need), and when. The system writes a plain-English family copy from the record’s fields, for a parent or for the child, dates the item the working day before a booked initial conference, and warns the chair’s readiness check until it is done. Whether the child is of an age and understanding to receive it is the social worker’s recorded judgement, made with the child’s age shown.',
  IN10:
    'A child’s request that is not followed is recorded with its reasons and stays on the social worker’s list until the record says when and how the reasons were explained to the child; a parent with a learning disability (from the participation record) or a mental health need is listed until an advocate is considered, and a referral until its follow-up is recorded. Whether following the request would serve the child, and whether a parent needs an advocate, are professional judgements.',
  PL4:
    'The plan asks how the child’s culture (diet, disability, personal care), language and faith are met and how any shortfall is made up, what contact the child has with the birth family, and whether a family group conference was considered; any blank answer is flagged on the plan and stays on the lead social worker’s list, a review held since the answers were written puts them back to revisit, and review readiness shows the chair what the plan says about birth-family contact. What meets this child’s identity needs is for the core group and conference to judge.',
  CO4:
    'The case’s social worker or team manager records who in the family asked for a different worker, when and why; the request stays on the case’s team manager’s list until it is agreed or declined with reasons and the day the family was told, and an agreed change moves the case and its open plan through the ordinary reallocation. Whether a change serves the child is the manager’s judgement.',
  RV4:
    'After a designated review keeps a plan, the system puts the legal advice on the case’s team manager’s list and the briefing note on the chair’s, shows service managers what has not followed, and keeps each there until it is recorded; what the advice says, and whether proceedings or a different plan would serve the child better, are legal and managerial judgements.',
};
