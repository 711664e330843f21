/** Form fields that are the page's machinery, not something a person typed. */
const MACHINERY = new Set(['_csrf', 'version', 'intent', 'kind', 'actionRows']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TICK = /^(yes|no|on|true|false)$/i;

/**
 * What a person typed into a refused form, for the pages that cannot show the form again (the
 * conflict page): the words they wrote, so nothing typed is lost even there (issue 14).
 */
export function typedValues(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (MACHINERY.has(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      const text = v.trim();
      if (text === '' || UUID.test(text) || TICK.test(text)) continue;
      out.push(text.slice(0, 20_000));
    }
  }
  return out;
}
