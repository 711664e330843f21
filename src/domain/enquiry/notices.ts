/**
 * RG4 (`000` § 11; `002` 2.155): who is told of an enquiry. An open case: its lead social worker.
 * A child at the same address as a child on a plan: that child's lead social worker. An unknown
 * child asked about before: the designated manager (the register officer), who considers whether
 * this is a child in need; the later enquirer is told of the earlier enquiry.
 */
export type EnquiryNoticeKind = 'open-case' | 'same-address' | 'repeat-unknown' | 'unrecognised-caller';

export interface NoticeDue {
  kind: EnquiryNoticeKind;
  userId: string | null;
  childId: string | null;
}

export function noticesForAnswer(f: {
  childId: string;
  caseOpen: boolean;
  leadSocialWorkerId: string | null;
  plansAtAddress: { childId: string; leadSocialWorkerId: string | null }[];
}): NoticeDue[] {
  const notices: NoticeDue[] = [];
  if (f.caseOpen) notices.push({ kind: 'open-case', userId: f.leadSocialWorkerId, childId: f.childId });
  // One notice per other child on a plan there: each is about that child's record.
  for (const p of f.plansAtAddress) {
    if (p.childId === f.childId) continue;
    notices.push({ kind: 'same-address', userId: p.leadSocialWorkerId, childId: p.childId });
  }
  return notices;
}

/** The key that tells a second enquiry about the same unknown child: folded names and birth date. */
export function unknownChildKey(q: { given: string; family: string; dob: string | null }, fold: (v: string) => string): string {
  return [fold(q.family), fold(q.given).split(' ')[0] ?? '', q.dob ?? ''].join('|');
}
