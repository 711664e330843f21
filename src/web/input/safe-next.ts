const BASE = 'http://convene.invalid';

/**
 * Only a same-site path: a sign-in link must not be able to send people elsewhere. Anything
 * that is not plainly a path on this site (a scheme, `//host`, a backslash, a control
 * character such as a tab or newline that browsers strip or servers choke on, an unparseable
 * value) becomes `/`. The URL API decides, as a browser would.
 */
export function safeNext(next: string | undefined): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
