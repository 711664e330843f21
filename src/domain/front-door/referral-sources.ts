/**
 * Census `ReferralSource` codes (CENSUS.md): the groups are the census's, the wording of each
 * label is ours. Groups 2–7 are agencies, so a referral from them comes from a professional.
 */
export interface ReferralSource {
  code: string;
  label: string;
}

export interface ReferralSourceGroup {
  group: number;
  label: string;
  /** Whoever refers from this group does so in a professional capacity. */
  professional: boolean;
  sources: ReferralSource[];
}

export const REFERRAL_SOURCE_GROUPS: readonly ReferralSourceGroup[] = [
  {
    group: 1, label: 'Individuals', professional: false,
    sources: [
      { code: '1A', label: 'Family member, relative or carer' },
      { code: '1B', label: 'Acquaintance, such as a neighbour or childminder' },
      { code: '1C', label: 'The child or young person themselves' },
      { code: '1D', label: 'Another individual' },
    ],
  },
  {
    group: 2, label: 'Schools and education', professional: true,
    sources: [
      { code: '2A', label: 'School' },
      { code: '2B', label: 'Other education services' },
    ],
  },
  {
    group: 3, label: 'Health', professional: true,
    sources: [
      { code: '3A', label: 'GP' },
      { code: '3B', label: 'Health visitor' },
      { code: '3C', label: 'School nurse' },
      { code: '3D', label: 'Other primary health services' },
      { code: '3E', label: 'Emergency department' },
      { code: '3F', label: 'Other health services' },
    ],
  },
  { group: 4, label: 'Housing', professional: true, sources: [{ code: '4', label: 'Housing' }] },
  {
    group: 5, label: 'Local authority services', professional: true,
    sources: [
      { code: '5A', label: 'Social care, such as adult social care' },
      { code: '5B', label: 'Other departments of this authority' },
      { code: '5C', label: 'Another local authority' },
      { code: '5D', label: 'Early help' },
    ],
  },
  { group: 6, label: 'Police', professional: true, sources: [{ code: '6', label: 'Police' }] },
  { group: 7, label: 'Other legal agency', professional: true, sources: [{ code: '7', label: 'Other legal agency, such as probation or a court' }] },
  { group: 8, label: 'Other', professional: false, sources: [{ code: '8', label: 'Other' }] },
  { group: 9, label: 'Anonymous', professional: false, sources: [{ code: '9', label: 'Anonymous' }] },
  { group: 10, label: 'Unknown', professional: false, sources: [{ code: '10', label: 'Unknown' }] },
];

export const REFERRAL_SOURCE_CODES: readonly string[] = REFERRAL_SOURCE_GROUPS.flatMap((g) => g.sources.map((s) => s.code));

export const ANONYMOUS_SOURCE_CODE = '9';

export function referralSourceGroup(code: string): ReferralSourceGroup | null {
  return REFERRAL_SOURCE_GROUPS.find((g) => g.sources.some((s) => s.code === code)) ?? null;
}

/** "Health: Health visitor (3B)", for pages and exports. */
export function referralSourceLabel(code: string): string {
  const group = referralSourceGroup(code);
  const source = group?.sources.find((s) => s.code === code);
  if (!group || !source) return code;
  return group.sources.length === 1 ? `${source.label} (${code})` : `${group.label}: ${source.label} (${code})`;
}
