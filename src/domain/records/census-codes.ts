/** Census code lists for the person record (DfE CIN census). Labels are ours. */
export const ETHNICITY_CODES: Record<string, string> = {
  WBRI: 'White British', WIRI: 'White Irish', WIRT: 'Traveller of Irish heritage', WOTH: 'Any other White background', WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean', MWBA: 'White and Black African', MWAS: 'White and Asian', MOTH: 'Any other mixed background',
  AIND: 'Indian', APKN: 'Pakistani', ABAN: 'Bangladeshi', AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean', BAFR: 'Black African', BOTH: 'Any other Black background', CHNE: 'Chinese', OOTH: 'Any other ethnic group',
  REFU: 'Refused', NOBT: 'Information not yet obtained',
};

export const DISABILITY_CODES: Record<string, string> = {
  NONE: 'No disability', MOB: 'Mobility', HAND: 'Hand function', PC: 'Personal care', INC: 'Incontinence', COMM: 'Communication',
  LD: 'Learning', HEAR: 'Hearing', VIS: 'Vision', BEH: 'Behaviour', CON: 'Consciousness', AUT: 'Autism spectrum', DDA: 'Other disability',
};

export const EU_SETTLEMENT: Record<string, string> = { none: 'Not applicable', 'pre-settled': 'Pre-settled status', settled: 'Settled status' };

/** The census sex codes in words. */
export const SEX_LABELS: Record<string, string> = { F: 'Female', M: 'Male', U: 'Not known' };

/** The census primary need codes (CENSUS.md, PrimaryNeedCode) in words. */
export const PRIMARY_NEED_LABELS: Record<string, string> = {
  N1: 'Abuse or neglect', N2: 'The child’s disability', N3: 'Parental disability or illness', N4: 'Family in acute stress',
  N5: 'Family dysfunction', N6: 'Socially unacceptable behaviour', N7: 'Low income', N8: 'Absent parenting',
  N9: 'Not a child in need', N0: 'Not stated',
};
