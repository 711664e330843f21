import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInstance, type TFunction } from 'i18next';
import { formatDate } from '../domain/deadlines/index.js';
import type { DocumentModel } from './document-model.js';
import { Temporal } from 'temporal-polyfill';

/**
 * Issue 14: the family's documents in the family's language as well as English. Every sentence a
 * family document prints lives in `translations/<code>.json`: reviewed files committed with the
 * code, never machine output at run time. An authority adds a language by adding a file (its
 * `_language` says which names on the record it answers to); `translations.test.ts` lists what
 * the new file is missing. A language the record names but no file covers gets English and a
 * line saying an interpreter will go through it (see `familyLanguageOf`).
 */

const DIRECTORY = fileURLToPath(new URL('./translations/', import.meta.url));

export interface LanguageMeta {
  /** The file's name without ".json": "pl". */
  code: string;
  /** BCP 47, as PDF and Word mark the text: "pl-PL". */
  locale: string;
  /** What a record may call it, in English and in the language itself: "Polish", "polski". */
  names: string[];
  /** The language's name in its own words, for a sentence that names it: "polski". */
  ownName: string;
}

type Resources = Record<string, unknown> & { _language: LanguageMeta };

let loaded: Map<string, Resources> | null = null;

/** Every translation file, read once: a file added while running needs a restart, like a template. */
export function translationFiles(): Map<string, Resources> {
  if (loaded) return loaded;
  const files = new Map<string, Resources>();
  for (const name of fs.readdirSync(DIRECTORY).filter((f) => f.endsWith('.json')).sort()) {
    files.set(name.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(`${DIRECTORY}${name}`, 'utf8')) as Resources);
  }
  loaded = files;
  return files;
}

/** A document's words in one language, with the dates and lists written as that language writes them. */
export interface Translator {
  code: string;
  locale: string;
  t: TFunction;
  /** "2 March 2026" / "2 marca 2026". */
  date(iso: string): string;
  /** "Monday 2 March 2026" / "poniedziałek, 2 marca 2026". */
  day(iso: string): string;
  /** "Monday 2 March 2026 at 10:00" (London time). */
  when(start: Date): string;
  /** A date, or a date-time as "10:00 on Monday 2 March 2026". */
  due(iso: string): string;
  /** "A, B and C" / "A, B i C". */
  list(items: readonly string[]): string;
  /** "“x”" / "„x”". */
  quoted(text: string): string;
}

const cache = new Map<string, Translator>();

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday 2 March 2026", as the English letters have always written it. */
function englishDay(iso: string): string {
  const d = Temporal.PlainDate.from(iso.slice(0, 10));
  return `${WEEKDAYS[d.dayOfWeek - 1] ?? ''} ${formatDate(d)}`;
}

/**
 * The translator for a language code that has a file. A separate i18next instance per language
 * (never the global one), built synchronously from the committed files; missing keys fall back to
 * English so a half-finished file never prints a key name (the test still reports the gap).
 */
export function translator(code = 'en'): Translator {
  const hit = cache.get(code);
  if (hit) return hit;
  const files = translationFiles();
  const own = files.get(code);
  if (!own) throw new Error(`No translation file for "${code}".`);
  const instance = createInstance();
  void instance.init({
    lng: code, fallbackLng: 'en', initAsync: false, showSupportNotice: false,
    resources: { [code]: { translation: own }, en: { translation: files.get('en') ?? {} } },
    // Documents are PDF, Word and plain text, never HTML: nothing to escape.
    interpolation: { escapeValue: false },
    returnNull: false, returnEmptyString: false,
  });
  const locale = own._language.locale;
  const english = code === 'en';
  const intlDate = (iso: string, weekday: boolean): string => {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', ...(weekday ? { weekday: 'long' } : {}) })
      .format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
  };
  const t = instance.t.bind(instance) as TFunction;
  const tr: Translator = {
    code, locale, t,
    date: (iso) => (english ? formatDate(iso.slice(0, 10)) : intlDate(iso, false)),
    day: (iso) => (english ? englishDay(iso) : intlDate(iso, true)),
    when: (start) => {
      const z = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO('Europe/London');
      const time = `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
      return t('format.dayAtTime', { day: tr.day(z.toPlainDate().toString()), time });
    },
    due: (iso) => (iso.length > 10 ? t('format.timeOnDay', { time: iso.slice(11, 16), day: tr.day(iso) }) : tr.day(iso)),
    list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${t('format.listAnd')}${items[items.length - 1]}`),
    quoted: (text) => t('format.quoted', { text }),
  };
  cache.set(code, tr);
  return tr;
}

export const english = (): Translator => translator('en');

/** What a family member's record says about the language their documents should be in. */
export type FamilyLanguage =
  | { kind: 'english' }
  /** A language with a translation file: the document in it first, then in English. */
  | { kind: 'translated'; code: string; name: string }
  /** A language no file covers yet: English, with a line that an interpreter will go through it. */
  | { kind: 'untranslated'; name: string };

const isEnglish = (language: string | null | undefined): boolean => !language?.trim() || /^(english|en|en-gb)$/i.test(language.trim());

/**
 * A recipient is written to in their own language when their record names a first language other
 * than English and says they need an interpreter or a translation (IN7; `002` 2.78 for the
 * section 47 record): someone whose first language is Polish but who reads English is not.
 */
export function familyLanguageOf(record: { firstLanguage: string | null | undefined; interpreterNeeded?: boolean; needsTranslation?: boolean }): FamilyLanguage {
  const language = record.firstLanguage?.trim() ?? '';
  if (isEnglish(language) || !(record.interpreterNeeded || record.needsTranslation)) return { kind: 'english' };
  const wanted = language.toLowerCase();
  for (const [code, file] of translationFiles()) {
    if (code === 'en') continue;
    if (code === wanted || file._language.names.some((n) => n.toLowerCase() === wanted)) return { kind: 'translated', code, name: language };
  }
  return { kind: 'untranslated', name: language };
}

/**
 * A family document for someone whose record names their language: built once per language from
 * the same facts. With a translation file, their language first and then the English, in one
 * document (so the letter, its PDF and its Word file always travel together); without one, the
 * English with a first line saying an interpreter will go through it with them.
 */
export function inFamilyLanguage(language: FamilyLanguage, build: (tr: Translator) => DocumentModel): DocumentModel {
  const en = build(english());
  if (language.kind === 'english') return en;
  if (language.kind === 'untranslated') {
    return { ...en, blocks: [{ type: 'paragraph', text: english().t('bilingual.untranslated', { language: language.name }) }, ...en.blocks] };
  }
  const tr = translator(language.code);
  const own = build(tr);
  return { ...own, language: tr.locale, blocks: [...own.blocks, { type: 'paragraph', text: tr.t('bilingual.englishFollows') }], followedBy: en };
}

/** The language a document's text is marked with: its own, or British English. */
export function documentLanguage(doc: DocumentModel): string {
  return doc.language ?? 'en-GB';
}

/**
 * One line, such as an email subject or a calendar entry's summary, in the family's language and
 * then in English ("Zaproszenie … / Invitation …"), so the first thing a family member sees in
 * their inbox or calendar is in their language. English alone for English readers and for a
 * language with no file yet.
 */
export function bilingualLine(language: FamilyLanguage | undefined, line: (tr: Translator) => string, separator = ' / '): string {
  const en = line(english());
  if (!language || language.kind !== 'translated') return en;
  return `${line(translator(language.code))}${separator}${en}`;
}

/**
 * An email body for a family member (issue 14): in their language first, then a line saying the
 * same message follows in English, a separator, and the English; for a language with no file yet,
 * the English with a first line that an interpreter will go through it; English alone otherwise.
 * The one place this shape is written, so every family email reads the same way.
 */
export function bilingualBody(language: FamilyLanguage | undefined, own: (tr: Translator) => string, englishText: string): string {
  if (!language || language.kind === 'english') return englishText;
  if (language.kind === 'untranslated') return `${english().t('bilingual.untranslated', { language: language.name })}\n\n${englishText}`;
  const tr = translator(language.code);
  return `${own(tr)}\n\n${tr.t('email.englishBelow')}\n\n---\n\n${englishText}`;
}
