import { CONFIDENTIAL_CATEGORIES, CONFIDENTIAL_CATEGORY_LABELS, MARKINGS, MARKING_LABELS } from '../../../domain/reports/headings.js';

export const markingOptions = MARKINGS.map((m) => ({ value: m, text: MARKING_LABELS[m] }));
export const categoryOptions = CONFIDENTIAL_CATEGORIES.map((c) => ({ value: c, text: CONFIDENTIAL_CATEGORY_LABELS[c] }));
