/**
 * The child protection parts of the Department for Education's Children in Need census, as
 * `../shared/spec/CENSUS.md` gives them: one child, its episodes (referral to closure) and, inside
 * each, the assessments, section 47 enquiries and child protection plans with their reviews.
 * Dates are ISO calendar dates (YYYY-MM-DD).
 */
export interface CensusAssessment {
  startDate: string;
  authorisationDate: string | null;
  factors: string[];
}

export interface CensusSection47 {
  startDate: string;
  initialCpcTarget: string | null;
  dateOfInitialCpc: string | null;
  icpcNotRequired: boolean;
}

export interface CensusPlan {
  startDate: string;
  endDate: string | null;
  initialCategories: string[];
  latestCategories: string[];
  numberOfPreviousCpp: number | null;
  reviewDates: string[];
}

export interface CensusEpisode {
  referralDate: string;
  referralSource: string;
  primaryNeedCode: string | null;
  referralNfa: boolean;
  closureDate: string | null;
  reasonForClosure: string | null;
  assessments: CensusAssessment[];
  /** Child in need plans (CINPlanStartDate, CINPlanEndDate), in start order. */
  cinPlans: { startDate: string; endDate: string | null }[];
  section47s: CensusSection47[];
  /** An ICPC held with no section 47 before it (a transfer-in, say): reported at episode level. */
  dateOfInitialCpc: string | null;
  plans: CensusPlan[];
}

export interface CensusChild {
  /** Convene's id, for the report's links; never exported. */
  personId: string;
  caseIds: string[];
  laChildId: string | null;
  personBirthDate: string | null;
  expectedPersonBirthDate: string | null;
  sex: string | null;
  ethnicity: string | null;
  disabilities: string[];
  personDeathDate: string | null;
  episodes: CensusEpisode[];
}

/** The census year that ends on the reference date (1 April to 31 March). */
export interface CensusYear {
  start: string;
  referenceDate: string;
  /** The collection year as the Department names it: the year the reference date falls in. */
  year: string;
}

export function censusYear(referenceDate: string): CensusYear {
  const m = /^(\d{4})-03-31$/.exec(referenceDate);
  if (!m) throw new CensusError('The reference date of a census is 31 March, given as YYYY-03-31.');
  const year = Number(m[1]);
  return { start: `${year - 1}-04-01`, referenceDate, year: String(year) };
}

export class CensusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CensusError';
  }
}

/** The census code for a plan's categories: one category as itself, several as MUL. */
export function censusCategory(categories: readonly string[]): string | null {
  const distinct = [...new Set(categories)];
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0]! : 'MUL';
}

/** An episode is in the census when it was open on any day of the year. */
export function episodeInYear(episode: { referralDate: string; closureDate: string | null }, year: CensusYear): boolean {
  return episode.referralDate <= year.referenceDate && (episode.closureDate === null || episode.closureDate >= year.start);
}
