/** How a date of birth given in an enquiry compares with the one on record: pure. */

export type QueryDob = { kind: 'exact'; date: string } | { kind: 'approximate'; year: number; toleranceYears: number };

export type DobAgreement =
  | 'exact'
  | 'day-month-swapped'
  | 'one-digit'
  | 'transposed-digits'
  | 'year-off-by-one'
  | 'within-approximate'
  | 'unknown'
  | 'different';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (no 31 February); otherwise null. */
export function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const match = ISO.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? { y, m, d } : null;
}

export function compareDob(query: QueryDob | null, recorded: string | null): DobAgreement {
  if (!query || !recorded) return 'unknown';
  const r = parseIsoDate(recorded);
  if (!r) return 'unknown';
  if (query.kind === 'approximate') return Math.abs(query.year - r.y) <= query.toleranceYears ? 'within-approximate' : 'different';
  const q = parseIsoDate(query.date);
  if (!q) return 'unknown';
  if (q.y === r.y && q.m === r.m && q.d === r.d) return 'exact';
  if (q.y === r.y && q.m === r.d && q.d === r.m) return 'day-month-swapped';
  const a = query.date.replace(/-/g, '');
  const b = recorded.replace(/-/g, '');
  const differing: number[] = [];
  for (let i = 0; i < 8; i++) if (a[i] !== b[i]) differing.push(i);
  if (differing.length === 1) return 'one-digit';
  if (differing.length === 2 && differing[1] === differing[0]! + 1 && a[differing[0]!] === b[differing[1]!] && a[differing[1]!] === b[differing[0]!]) return 'transposed-digits';
  if (q.m === r.m && q.d === r.d && Math.abs(q.y - r.y) === 1) return 'year-off-by-one';
  return 'different';
}

/** The blocking form of a date of birth: year with month and day in either order, so a swap finds it. */
export function dobBlockingKey(date: string): string | null {
  const p = parseIsoDate(date);
  if (!p) return null;
  const [lo, hi] = p.m <= p.d ? [p.m, p.d] : [p.d, p.m];
  return `${p.y}${String(lo).padStart(2, '0')}${String(hi).padStart(2, '0')}`;
}
