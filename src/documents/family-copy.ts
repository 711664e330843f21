import type { FamilyCopyContent } from '../domain/reports/family-copy.js';
import type { Block, DocumentModel } from './document-model.js';

/**
 * The family copy of a report as a document (RP5). It is built only from FamilyCopyContent,
 * which has no field for the confidential section (RP4), so there is nothing here to leave out.
 */
export function familyCopyDocument(content: FamilyCopyContent): DocumentModel {
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
