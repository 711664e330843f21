import { describe, expect, it } from 'vitest';
import { safeNext } from './form.js';

describe('where sign-in may send you next', () => {
  it.each([
    // [what was sent, where it leads]
    ['/', '/'],
    ['/people/search?q=smith', '/people/search?q=smith'],
    ['/cases/1#chronology', '/cases/1#chronology'],
    ['/%09/evil.example', '/%09/evil.example'], // still a path on this site: the tab stays encoded
    ['/\t/evil.example', '/'], // the reported attack, as the form receives it after decoding
    ['/\n/evil.example', '/'],
    ['/\r\nSet-Cookie: x=1', '/'],
    ['//evil.example', '/'],
    ['///evil.example', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['/\\/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['http:evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['evil.example', '/'],
    ['', '/'],
    [undefined, '/'],
    ['/\u0000', '/'],
    [`/${'a'.repeat(3000)}`, '/'],
    ['/ok/../../etc', '/etc'],
  ])('%j leads to %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it('never leads off the site, whatever the path after the first slash', () => {
    const tricky = ['/\u2028/evil.example', '/\u00a0/evil.example', '/%2F%2Fevil.example', '/.//evil.example', '/\u3000/evil'];
    for (const next of tricky) {
      const result = safeNext(next);
      expect(new URL(result, 'https://convene.example').origin).toBe('https://convene.example');
      expect(result.startsWith('//')).toBe(false);
    }
  });
});
