import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { familyParticipation, invitations, people } from '../../db/schema/index.js';
import { familyLanguageOf, type FamilyLanguage } from '../../documents/family-language.js';
import { isFamilyKind } from '../../documents/invitation-letter.js';
import { anyOf } from '../shared/any-of.js';

/**
 * Issue 14: the language each family invitee of a conference is written to in, by invitation id:
 * their letters, the decisions and their copies. What was recorded for this conference (IN7:
 * first language, interpreter, translation) wins; otherwise their person record. Anyone absent
 * from the map (professionals, or a family member with no record) is written to in English.
 */
export async function familyLanguagesFor(db: Queryable, conferenceId: string): Promise<Map<string, FamilyLanguage>> {
  return familyLanguagesForConferences(db, [conferenceId]);
}

/**
 * familyLanguagesFor for many conferences in three statements, whatever their number: business
 * support's list of interpreters to arrange looks at every conference still ahead.
 */
export async function familyLanguagesForConferences(db: Queryable, conferenceIds: readonly string[]): Promise<Map<string, FamilyLanguage>> {
  const out = new Map<string, FamilyLanguage>();
  if (conferenceIds.length === 0) return out;
  const family = (await db.select({ id: invitations.id, inviteeKind: invitations.inviteeKind, personId: invitations.personId }).from(invitations)
    .where(anyOf(invitations.conferenceId, [...conferenceIds]))).filter((i) => isFamilyKind(i.inviteeKind));
  if (family.length === 0) return out;
  const recorded = new Map((await db.select({ invitationId: familyParticipation.invitationId, firstLanguage: familyParticipation.firstLanguage, interpreterNeeded: familyParticipation.interpreterNeeded, needsTranslation: familyParticipation.needsTranslation })
    .from(familyParticipation).where(anyOf(familyParticipation.conferenceId, [...conferenceIds]))).map((r) => [r.invitationId, r]));
  const personIds = [...new Set(family.map((i) => i.personId).filter((p): p is string => p !== null))];
  const persons = new Map((personIds.length
    ? await db.select({ id: people.id, firstLanguage: people.firstLanguage, interpreterNeeded: people.interpreterNeeded }).from(people).where(inArray(people.id, personIds))
    : []).map((p) => [p.id, p]));
  for (const i of family) {
    const here = recorded.get(i.id);
    const person = i.personId ? persons.get(i.personId) : undefined;
    if (here?.firstLanguage?.trim()) out.set(i.id, familyLanguageOf(here));
    else if (person) out.set(i.id, familyLanguageOf({ firstLanguage: person.firstLanguage, interpreterNeeded: person.interpreterNeeded || Boolean(here?.interpreterNeeded), needsTranslation: Boolean(here?.needsTranslation) }));
  }
  return out;
}

export interface LanguageNotice {
  invitationId: string;
  name: string;
  /** "Polish, in Polish and English" / "Tigrinya: no translation yet". */
  text: string;
  translated: boolean;
}

/**
 * What the organiser is told on the invitation pages (issue 14): who is written to in their own
 * language as well as English, and whose language has no translation file yet, so the organiser
 * arranges for an interpreter to go through the English letters with them.
 */
export async function familyLanguageNotices(db: Queryable, conferenceId: string, invitees: readonly { id: string; name: string; state: string }[]): Promise<LanguageNotice[]> {
  const languages = await familyLanguagesFor(db, conferenceId);
  const out: LanguageNotice[] = [];
  for (const i of invitees) {
    const language = languages.get(i.id);
    if (i.state === 'removed' || !language || language.kind === 'english') continue;
    out.push(language.kind === 'translated'
      ? { invitationId: i.id, name: i.name, translated: true, text: `${i.name}: letters and the decisions in ${language.name}, followed by English.` }
      : { invitationId: i.id, name: i.name, translated: false, text: `${i.name}: there is no translation of the family letters into ${language.name} yet. They will get English letters saying an interpreter will go through them: book the interpreter, and ask for a ${language.name} translation file to be added.` });
  }
  return out;
}
