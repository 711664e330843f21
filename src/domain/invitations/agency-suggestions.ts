import { isInitialKind } from '../conference/kinds.js';
import { ADULT_SERVICES, type AdultService, type CaseFacts, type ChildFacts } from './case-facts.js';
import { ageOn, isUnborn, type AgencyNeed, type Suggestion } from './invitee.js';

/** Referrals from the out-of-hours team in six months that make it an invitee (Nottinghamshire's figure, IN2). */
export const OUT_OF_HOURS_REFERRALS = 3;

const SERVICE_ROLES: Record<AdultService, string> = {
  probation: 'Probation officer',
  'adult-mental-health': 'Adult mental health practitioner',
  'substance-misuse': 'Substance misuse worker',
  'domestic-abuse': 'Domestic abuse adviser',
};

function agency(agencyNeed: AgencyNeed, role: string, because: string, ruleId: Suggestion['ruleId'] = 'IN2', organisationName: string | null = null): Suggestion {
  return {
    inviteeKind: 'professional', name: `${role} (to be named)`, role, organisationName, agency: agencyNeed,
    personId: null, userId: null, email: null, postalAddress: null, channel: 'secure-email', because, ruleId,
  };
}

const names = (children: readonly { name: string }[]) => children.map((c) => c.name).join(', ');

/** The partner agencies of IN2, each on its own condition, with the condition as the reason. */
export function agencySuggestions(facts: CaseFacts, subjects: readonly ChildFacts[]): Suggestion[] {
  const c = facts.circumstances;
  const out: Suggestion[] = [];
  const initial = isInitialKind(facts.conferenceKind);
  const born = subjects.filter((ch) => ch.dateOfBirth !== null);
  const age = (ch: ChildFacts) => (ch.dateOfBirth ? ageOn(ch.dateOfBirth, facts.onDate) : -1);

  if (initial) {
    out.push(agency('police', 'Police', facts.policeInEnquiries
      ? 'Police took part in the enquiries, and every initial conference needs the police.'
      : 'Every initial conference needs the police.'));
  } else if (c.policeInvestigation || c.domesticAbuse || c.neglect) {
    const why = [c.policeInvestigation && 'a police investigation is ongoing', c.domesticAbuse && 'there is domestic abuse', c.neglect && 'there is a neglect concern'].filter(Boolean).join('; ');
    out.push(agency('police', 'Police', `At a review the police come for specific issues: ${why}.`));
  }

  const underFive = born.filter((ch) => age(ch) < 5);
  const schoolAge = born.filter((ch) => age(ch) >= 5 && age(ch) < 18);
  if (underFive.length > 0) out.push(agency('health-visitor', 'Health visitor', `Health visiting is involved with ${names(underFive)} (under 5).`));
  if (schoolAge.length > 0) {
    out.push(agency('school-nurse', 'School nurse', `School nursing covers ${names(schoolAge)} (school age).`));
    out.push(agency('education', 'School designated safeguarding lead', `${names(schoolAge)} ${schoolAge.length > 1 ? 'are' : 'is'} of school age: the school or college is invited.`));
  }

  out.push(...gpSuggestions(facts));

  const unborn = subjects.filter(isUnborn);
  if (unborn.length > 0) {
    const why = `${names(unborn)} is not yet born: consider the community and hospital midwives and the midwifery manager.`;
    out.push(agency('midwifery', 'Community midwife', why, 'UB2'), agency('midwifery', 'Hospital midwife', why, 'UB2'), agency('midwifery', 'Midwifery manager', why, 'UB2'));
  }
  if (facts.socialHousing) out.push(agency('housing', 'Housing officer', 'The family lives in council or housing-association property.'));
  if (c.fosterCarers) {
    out.push(agency('fostering', 'Foster carer', 'The child lives with foster carers.'));
    out.push(agency('fostering', 'Supervising social worker (fostering)', 'The foster carers\' supervising social worker comes as their needs require.'));
  }
  const ooh = [
    c.incidentBeganOutOfHours && 'the incident began out of hours and the first enquiries happened then',
    c.protectionViaOutOfHours && 'police protection or an emergency protection order was arranged through them',
    (c.outOfHoursReferralsLastSixMonths ?? 0) >= OUT_OF_HOURS_REFERRALS && `${c.outOfHoursReferralsLastSixMonths} of their referrals in the last six months`,
  ].filter((x): x is string => typeof x === 'string');
  if (ooh.length > 0) out.push(agency('out-of-hours', 'Out-of-hours social worker', `Invite the out-of-hours team: ${ooh.join('; ')}.`));
  if (c.legalAdviceRequestedByTeamManager) out.push(agency('legal', 'Local authority solicitor', 'The team manager decided specialist legal advice is likely to be needed.'));

  const disabled = subjects.filter((ch) => ch.disabilities.length > 0);
  const paediatric = [
    c.newInjury && 'a new physical injury',
    c.newMedicalReport && 'a new medical report to interpret',
    c.disputedMedicalFindings && 'the parents dispute the medical findings',
    disabled.length > 0 && `a disability or medical disorder (${names(disabled)})`,
    c.growthOrDevelopmentConcern && 'a concern about growth or development',
  ].filter((x): x is string => typeof x === 'string');
  if (paediatric.length > 0) out.push(agency('paediatrics', 'Community paediatrician', `A paediatrician attends because of ${paediatric.join('; ')}.`));

  const underFiveOrUnborn = [...underFive, ...unborn];
  if (c.childrensCentreWorkingIntensively && underFiveOrUnborn.length > 0) {
    out.push(agency('childrens-centre', "Children's centre worker", `The children's centre already works intensively with ${names(underFiveOrUnborn)} (under 5).`));
  }
  if (c.proceedingsLive) {
    out.push({ ...agency('guardian', "Children's Guardian", 'Court proceedings are live: the Guardian may attend as an observer and receives the record.'), inviteeKind: 'observer' });
  }
  for (const service of ADULT_SERVICES) {
    if (c.involvedServices?.includes(service)) out.push(agency(service, SERVICE_ROLES[service], `The ${SERVICE_ROLES[service].toLowerCase().replace(/ (officer|practitioner|worker|adviser)$/, '')} service is involved with the family.`));
  }
  return out;
}

/** One GP invitation per practice, naming whose GP it is (Nottinghamshire: every conference, and they get the summary). */
function gpSuggestions(facts: CaseFacts): Suggestion[] {
  const patients = new Map<string, string[]>();
  const subjectIds = new Set(facts.children.filter((ch) => ch.role === 'subject').map((ch) => ch.personId));
  const add = (practice: string | null, gp: string | null, who: string) => {
    const key = practice ?? gp;
    if (!key) return;
    patients.set(key, [...(patients.get(key) ?? []), who]);
  };
  for (const child of facts.children) add(child.gpPractice, child.gpName, child.name);
  for (const adult of facts.adults) {
    if (adult.relationships.some((r) => subjectIds.has(r.childId) && (r.parentalResponsibility || r.livesWithChild))) add(adult.gpPractice, adult.gpName, adult.name);
  }
  const notts = facts.pack === 'nottinghamshire';
  return [...patients].map(([practice, who]) =>
    agency('gp', `GP (${practice})`, `GP of ${who.join(', ')}.${notts ? ' Nottinghamshire: the GP is invited to every conference and receives its summary.' : ''}`, 'IN2', practice),
  );
}
