import { isInitialKind } from '../conference/kinds.js';
import type { AdultFacts, CaseFacts, ChildFacts } from './case-facts.js';
import { agencySuggestions } from './agency-suggestions.js';
import { ageOn, CHILD_INVITE_AGE, type Suggestion } from './invitee.js';

const blank = { organisationName: null, agency: null, personId: null, userId: null, email: null, postalAddress: null } as const;

/**
 * The invitation checklist (IN1, IN2): everyone the case suggests, each with the reason, in the
 * order a co-ordinator reads it: family, child, social care, then partner agencies. The list is
 * a starting point to edit, never a decision: removing a parent still needs a reason.
 */
export function suggestInvitees(facts: CaseFacts): Suggestion[] {
  const subjects = facts.children.filter((c) => c.role === 'subject');
  const subjectIds = new Set(subjects.map((c) => c.personId));
  const out: Suggestion[] = [...familySuggestions(facts.adults, subjects, subjectIds)];

  for (const child of subjects) {
    if (child.dateOfBirth === null) continue;
    const age = ageOn(child.dateOfBirth, facts.onDate);
    if (age < CHILD_INVITE_AGE) continue;
    out.push({
      ...blank, inviteeKind: 'child', name: child.name, role: 'Child', personId: child.personId, channel: 'hand', ruleId: 'IN1',
      because: `${child.name} is ${age}: invite them to all or part of the conference if their understanding allows; the social worker agrees this with the chair and usually explains the invitation in person.`,
    });
  }

  const initial = isInitialKind(facts.conferenceKind);
  if (facts.socialWorker) {
    out.push({ ...blank, inviteeKind: 'professional', name: facts.socialWorker.name, role: 'Social worker', organisationName: null, userId: facts.socialWorker.userId, email: facts.socialWorker.email, channel: 'secure-email', ruleId: 'IN1', because: 'The allocated social worker presents the assessment to every conference.' });
  }
  if (facts.teamManager) {
    const notts = facts.pack === 'nottinghamshire' && initial;
    out.push({
      ...blank, inviteeKind: 'professional', name: facts.teamManager.name, role: 'Team manager', userId: facts.teamManager.userId, email: facts.teamManager.email, channel: 'secure-email', ruleId: 'IN1',
      because: notts ? 'Nottinghamshire: the team manager attends every initial conference.' : 'The team manager responsible for the case is invited with the social worker.',
    });
  }
  const iros = new Map<string, string[]>();
  for (const child of subjects) {
    if (child.lookedAfter && child.iro) iros.set(child.iro.userId, [...(iros.get(child.iro.userId) ?? []), child.name]);
  }
  for (const [userId, names] of iros) {
    const iro = subjects.find((c) => c.iro?.userId === userId)?.iro;
    if (!iro) continue;
    out.push({ ...blank, inviteeKind: 'professional', name: iro.name, role: 'Independent reviewing officer', userId, email: iro.email, channel: 'secure-email', ruleId: 'IN2', because: `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} looked after: one planning process led by the IRO, who attends if not chairing.` });
  }
  out.push(...agencySuggestions(facts, subjects));
  return out;
}

function familySuggestions(adults: readonly AdultFacts[], subjects: readonly ChildFacts[], subjectIds: Set<string>): Suggestion[] {
  const out: Suggestion[] = [];
  const childName = (id: string) => subjects.find((c) => c.personId === id)?.name ?? 'the child';
  for (const adult of adults) {
    const links = adult.relationships.filter((r) => subjectIds.has(r.childId));
    if (links.length === 0) continue;
    const withPr = links.filter((r) => r.parentalResponsibility);
    const channel = adult.postalAddress ? 'post' : 'hand';
    const base = { ...blank, name: adult.name, personId: adult.personId, postalAddress: adult.postalAddress, channel } as const;
    if (withPr.length > 0) {
      const absent = withPr.every((r) => !r.livesWithChild);
      const children = withPr.map((r) => childName(r.childId)).join(' and ');
      out.push({
        ...base, inviteeKind: 'parent', role: roleOf(withPr[0]?.type ?? 'parent'), ruleId: 'IN1',
        because: absent
          ? `Has parental responsibility for ${children} but does not live with them: absent parents are invited unless excluded, and the reason for any exclusion is recorded.`
          : `Has parental responsibility for ${children}: invited unless excluded, with the reason recorded.`,
      });
    } else if (links.some((r) => r.type === 'father')) {
      out.push({ ...base, inviteeKind: 'parent', role: 'Father', ruleId: 'IN1', because: `Birth father of ${links.map((r) => childName(r.childId)).join(' and ')} without parental responsibility: make best efforts to find and invite him.` });
    } else if (links.some((r) => r.livesWithChild)) {
      out.push({ ...base, inviteeKind: 'family-member', role: roleOf(links[0]?.type ?? 'other'), ruleId: 'IN1', because: `Lives with ${links.map((r) => childName(r.childId)).join(' and ')}: consider inviting the wider family and carers.` });
    }
  }
  return out;
}

const ROLE_WORDS: Record<string, string> = {
  mother: 'Mother', father: 'Father', 'step-parent': 'Step-parent', carer: 'Carer', grandparent: 'Grandparent', sibling: 'Sibling', other: 'Family member',
};

function roleOf(type: string): string {
  return ROLE_WORDS[type] ?? 'Family member';
}
