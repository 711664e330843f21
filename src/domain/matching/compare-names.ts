/**
 * How one name compares with another, token by token: the agreement levels the matcher weighs
 * for the child's own names and for a parent's (score.ts, parents.ts). Pure.
 */
import { damerau, jaroWinkler } from './distance.js';
import { formalNamesOf, transliterationGroup } from './names.js';
import { familyForms, nameTokens } from './normalise.js';
import { soundAlike } from './phonetic.js';
import { rememberBy } from './remember.js';

/** Log-odds weights of a name's agreement (see score.ts for how they add up). */
export const NAME_WEIGHTS = { exact: 4, variant: 3.6, nickname: 3.4, phonetic: 3.2, similar: 2.8, part: 3, initial: 1.5, weak: 1, none: -3 } as const;
const MIDDLE_NAME_FACTOR = 0.85;

export type NameLevel = keyof typeof NAME_WEIGHTS;
export interface NameAgreement {
  level: NameLevel;
  weight: number;
  reason: string;
}

/** Levels good enough to count a name as agreeing. */
export const GOOD_NAME: readonly NameLevel[] = ['exact', 'variant', 'nickname', 'phonetic', 'similar', 'part'];

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One name token against another: the strongest kind of agreement that holds. Remembered: a
 * candidate list compares the same few names many times.
 */
export const compareNameToken = rememberBy(
  // The first token's length marks where the second begins, so no two pairs share a key.
  (q: string, r: string, which: 'given' | 'family') => `${which}${q.length}:${q}${r}`,
  (q: string, r: string, which: 'given' | 'family') => compareTokens(q, r, which),
);

function compareTokens(q: string, r: string, which: 'given' | 'family'): NameAgreement {
  const W = NAME_WEIGHTS;
  const label = `${which} name`;
  if (q === r) return { level: 'exact', weight: W.exact, reason: `${label} matches` };
  const group = transliterationGroup(q);
  if (group && group === transliterationGroup(r)) return { level: 'variant', weight: W.variant, reason: `${label} is a spelling of ${title(group[0]!)}` };
  if (which === 'given') {
    const qFormal = formalNamesOf(q);
    const rFormal = formalNamesOf(r);
    if (qFormal.includes(r)) return { level: 'nickname', weight: W.nickname, reason: `nickname of ${title(r)}` };
    if (rFormal.includes(q)) return { level: 'nickname', weight: W.nickname, reason: `nickname of ${title(q)}` };
    const shared = qFormal.find((f) => rFormal.includes(f));
    if (shared) return { level: 'nickname', weight: W.nickname, reason: `nickname of ${title(shared)}` };
  }
  if (q.length > 1 && r.length > 1 && soundAlike(q, r)) return { level: 'phonetic', weight: W.phonetic, reason: `${label} sounds alike` };
  const jw = jaroWinkler(q, r);
  const edits = Math.min(q.length, r.length) >= 4 ? damerau(q, r) : 99;
  if (jw >= 0.9 || edits <= 1 || (edits <= 2 && Math.min(q.length, r.length) >= 8)) return { level: 'similar', weight: W.similar, reason: `${label} spelt similarly` };
  if (which === 'given' && q.length === 1 && r.startsWith(q)) return { level: 'initial', weight: W.initial, reason: 'initial of the given name matches' };
  if (jw >= 0.82) return { level: 'weak', weight: W.weak, reason: `${label} somewhat alike` };
  return { level: 'none', weight: W.none, reason: `${label} differs` };
}

export function best(options: NameAgreement[]): NameAgreement {
  return options.reduce((a, b) => (b.weight > a.weight ? b : a));
}

export function compareGiven(query: string, recorded: string): NameAgreement {
  const q = nameTokens(query);
  const r = nameTokens(recorded);
  if (!q.length || !r.length) return { level: 'none', weight: 0, reason: 'given name not compared' };
  const first = compareNameToken(q[0]!, r[0]!, 'given');
  const options = [first];
  // Any given-name token of the query against any other on record (a middle name used as the first).
  for (const [i, qt] of q.entries()) {
    for (const [j, rt] of r.entries()) {
      if (i === 0 && j === 0) continue;
      const a = compareNameToken(qt, rt, 'given');
      if (a.level === 'none' || a.level === 'weak') continue;
      options.push({ ...a, weight: a.weight * MIDDLE_NAME_FACTOR, reason: `${a.reason} (${j > 0 ? 'a middle name' : 'first name'})` });
    }
  }
  // Forenames run together or split ("Mary Ann" / "Maryann").
  if (q.length + r.length > 2 && q.join('') === r.join('')) options.push({ level: 'exact', weight: NAME_WEIGHTS.exact, reason: 'given names match' });
  return best(options);
}

export function compareFamily(query: string, recorded: string): NameAgreement {
  const q = familyForms(query);
  const r = familyForms(recorded);
  if (!q.whole || !r.whole) return { level: 'none', weight: NAME_WEIGHTS.none, reason: 'family name differs' };
  const whole = compareNameToken(q.whole, r.whole, 'family');
  const options = [whole];
  if (q.tokens.length > 1 || r.tokens.length > 1) {
    for (const qt of q.tokens) {
      for (const rt of r.tokens) {
        const a = compareNameToken(qt, rt, 'family');
        if (a.level === 'exact' || a.level === 'variant' || a.level === 'phonetic') {
          options.push({ level: 'part', weight: Math.min(a.weight, NAME_WEIGHTS.part), reason: 'family name is part of a double-barrelled name' });
        }
      }
    }
  }
  return best(options);
}
