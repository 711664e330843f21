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
