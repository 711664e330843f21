import { z } from 'zod';
import { CONVENE_KINDS, harmField, harmFromField, roleField, type ChildChoice } from '../../../../domain/front-door/convene-checks.js';
import { dateField, optionalDateField, requiredText } from '../../../form-fields.js';

const base = z.looseObject({
  kind: z.enum(CONVENE_KINDS, { error: 'Select the kind of conference' }),
  decisionDate: dateField('Enter the date of the decision to convene'),
  epoExpiresOn: optionalDateField(),
});

/**
 * The decision to convene: the kind, the date, and per child of the household whether they are
 * a subject (with the harm likely and from whom) or another child the conference considers.
 */
export function conveneForm(caseIds: readonly string[]) {
  return base.transform((v, ctx) => {
    const choices: ChildChoice[] = [];
    for (const caseId of caseIds) {
      const role = v[roleField(caseId)];
      if (role !== 'subject' && role !== 'household') {
        ctx.addIssue({ code: 'custom', path: [roleField(caseId)], message: 'Say whether each child is a subject of the conference' });
        continue;
      }
      const text = (name: string) => {
        const value = v[name];
        return typeof value === 'string' && value.trim() ? value.trim() : undefined;
      };
      choices.push({ caseId, role, likelyHarm: text(harmField(caseId)), harmFrom: text(harmFromField(caseId)) });
    }
    return { kind: v.kind, decisionDate: v.decisionDate, epoExpiresOn: v.epoExpiresOn, choices };
  });
}

export const reviewSubjectForm = z.object({
  caseId: z.string({ error: 'Choose the child' }).min(1, 'Choose the child'),
  likelyHarm: requiredText('Enter the significant harm the child is likely to suffer'),
  harmFrom: requiredText('Enter from whom the child is likely to suffer the harm'),
});
