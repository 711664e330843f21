import type { Database, Queryable } from '../../db/client.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { familyCopyContent, type FamilyCopyContent } from '../../domain/reports/family-copy.js';
import { familyCopyDocument } from '../../documents/family-copy.js';
import { translationFiles } from '../../documents/family-language.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { mayShareReports } from '../../policies/reports.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { sharingRefusal } from '../../domain/reports/manager-checks.js';
import { checkFactsOf } from './manager-checks.js';
import { auditReport, childrenOf, loadReport, type LoadedReport } from './report-common.js';

/** What the family copy says, from a loaded report: only the fields familyCopyContent reads. */
export function familyCopyOf(loaded: LoadedReport): FamilyCopyContent {
  const { report, context } = loaded;
  const child = report.childId ? context.children.find((c) => c.childId === report.childId) : null;
  return familyCopyContent({
    kind: loaded.kind,
    childName: child?.name ?? null,
    conferenceLabel: CONFERENCE_KIND_LABELS[context.conference.kind as ConferenceKind] ?? 'Child protection conference',
    conferenceDate: context.conference.scheduledStart ? formatDate(londonIsoDate(context.conference.scheduledStart)) : 'date to be set',
    conferenceKind: context.conference.kind as ConferenceKind,
    conferenceOn: context.conference.scheduledStart ? londonIsoDate(context.conference.scheduledStart) : null,
    authorDetails: report.authorDetails,
    sections: report.sections,
    version: report.version,
  });
}

/**
 * The languages other than English the family members invited to this conference read, where a
 * translation file covers them: the share page offers the family copy in each (issue 14).
 */
export async function familyCopyLanguages(db: Queryable, conferenceId: string): Promise<{ code: string; name: string }[]> {
  const found = new Map<string, string>();
  for (const language of (await familyLanguagesFor(db, conferenceId)).values()) {
    if (language.kind === 'translated' && !found.has(language.code)) found.set(language.code, translationFiles().get(language.code)!._language.names[0] ?? language.name);
  }
  return [...found].map(([code, name]) => ({ code, name }));
}

/**
 * The family copy as a PDF marked "Family copy", without the confidential section (RP4, RP5); in a
 * language with a translation file first and then English when `languageCode` names one (issue 14).
 * The read is audited.
 */
export async function familyCopyPdf(db: Database, ctx: ActionContext, reportId: string, languageCode: string | null = null): Promise<{ pdf: Buffer; fileName: string }> {
  if (!mayShareReports(ctx.actor)) throw new ForbiddenError();
  const file = languageCode ? translationFiles().get(languageCode) : undefined;
  if (languageCode && (!file || languageCode === 'en')) throw new ValidationError([{ field: 'language', message: 'Choose a language the family copy is written in.' }]);
  const loaded = await loadReport(db, ctx.actor, reportId);
  const refusal = sharingRefusal(checkFactsOf(loaded.report));
  if (refusal) throw new ConflictError(refusal);
  await db.transaction(async (tx) => {
    await auditReport(tx, ctx, childrenOf(loaded.report.childId, loaded.context), {
      action: 'report-family-copy-produced', recordType: 'report', recordId: reportId, ...(languageCode ? { details: { language: languageCode } } : {}),
    });
  });
  const language = file && languageCode ? { kind: 'translated' as const, code: languageCode, name: file._language.names[0] ?? languageCode } : undefined;
  const pdf = await renderPdf(familyCopyDocument(familyCopyOf(loaded), language));
  return { pdf, fileName: `family-copy-${loaded.kind}-v${loaded.report.version}${languageCode ? `-${languageCode}` : ''}.pdf` };
}
