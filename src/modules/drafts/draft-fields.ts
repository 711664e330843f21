/** Form fields that are the page's machinery, never kept in a draft: the CSRF token, the version
 *  seen (a draft restored later takes the record's version then, never a stale one) and the button pressed. */
const MACHINERY = new Set(['_csrf', 'version', 'intent']);
export const MAX_DRAFT_FIELDS = 300;
export const FORM_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Pure: what of a posted form is kept as a draft (text and lists of text, nothing else). */
export function draftFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (MACHINERY.has(key) || key.startsWith('_')) continue;
    if (Object.keys(out).length >= MAX_DRAFT_FIELDS) break;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
  }
  return out;
}
