import type { FamilyCopyContent } from '../domain/reports/family-copy.js';
import type { Block, DocumentModel } from './document-model.js';
import { inFamilyLanguage, translator, type FamilyLanguage } from './family-language.js';

/**
 * The family copy of a report as a document (RP5). It is built only from FamilyCopyContent,
 * which has no field for the confidential section (RP4), so there is nothing here to leave out.
 */
export function familyCopyDocument(content: FamilyCopyContent, language: FamilyLanguage = { kind: 'english' }): DocumentModel {
  const copy = englishFamilyCopy(content);
  if (language.kind !== 'translated') return inFamilyLanguage(language, () => copy);
  // Issue 14: in the family's language, what the copy is, whom it is about and for which conference,
  // an interpreter offered and how to disagree; then the report as its author wrote it, in English
  // (the author's words are never machine-translated).
  const tr = translator(language.code);
  const t = tr.t;
  const conference = t(`conferenceKind.${content.conferenceKind ?? 'other'}.invited`);
  const facts = [
    ...(content.childName ? [t('familyCopy.aboutChild', { name: content.childName })] : []),
    content.conferenceOn ? t('familyCopy.forConference', { conference, date: tr.date(content.conferenceOn) }) : t('familyCopy.forConferenceUndated', { conference }),
  ];
  return {
    title: t('familyCopy.title', { kind: t(`familyCopy.kinds.${content.kind}`) }),
    subtitle: facts.join(' '),
    marking: t('familyCopy.marking'),
    language: tr.locale,
    blocks: [
      { type: 'paragraph', text: t('familyCopy.intro') },
      { type: 'paragraph', text: t('familyCopy.interpreter') },
      { type: 'paragraph', text: t('familyCopy.disagree') },
      { type: 'paragraph', text: t('familyCopy.englishFollows') },
    ],
    footer: t('familyCopy.footer', { marking: t('familyCopy.marking'), version: content.version }),
    followedBy: copy,
  };
}

function englishFamilyCopy(content: FamilyCopyContent): DocumentModel {
  const blocks: Block[] = [];
  if (content.authorDetails.length > 0) blocks.push({ type: 'keyValue', rows: content.authorDetails });
  for (const section of content.sections) {
    blocks.push({ type: 'heading', text: section.heading });
    if (section.note) blocks.push({ type: 'paragraph', text: `(${section.note})` });
    blocks.push({ type: 'paragraph', text: section.text });
  }
  if (content.sections.length === 0) blocks.push({ type: 'paragraph', text: 'Nothing has been written in this report yet.' });
  blocks.push({
    type: 'paragraph',
    text: 'If anything in this report is wrong, or you disagree with it, tell your social worker before the conference: what you say will be recorded and the chair will see it.',
  });
  return {
    title: content.title,
    subtitle: content.about,
    marking: content.marking.toUpperCase(),
    blocks,
    footer: `${content.marking}, version ${content.version}. This copy is for you and the people supporting you; please keep it safe.`,
  };
}
