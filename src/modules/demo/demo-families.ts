/**
 * Synthetic families for the demo: names are deliberately unreal ("Testington", "Sampleford")
 * so nobody could mistake them for real people. Each family is at a different stage.
 */
export interface DemoChild {
  givenNames: string;
  sex: 'M' | 'F' | 'U';
  /** Age in days at seeding time; null for an unborn child (then eddInDays is set). */
  ageDays: number | null;
  eddInDays?: number;
}

export interface DemoFamily {
  familyName: string;
  stage: 'referral' | 'strategy-discussion' | 'section-47' | 'conference-requested' | 'on-a-plan' | 'plan-ended';
  adults: { givenNames: string; relationship: 'mother' | 'father' | 'step-parent' | 'carer'; pr: boolean; livesWithChild: boolean }[];
  children: DemoChild[];
  address: { line1: string; town: string; postcode: string; socialHousing: boolean };
  openedDaysAgo: number;
  language?: string;
  /** On a plan for longer: working days since the strategy discussion, and review conferences held since. */
  planHistory?: { discussionWorkingDaysAgo: number; reviewsHeld: number };
}

const Y = 365;

export const DEMO_FAMILIES: DemoFamily[] = [
  {
    familyName: 'Testington', stage: 'referral', openedDaysAgo: 1,
    adults: [{ givenNames: 'Demi', relationship: 'mother', pr: true, livesWithChild: true }],
    children: [{ givenNames: 'Alpha', sex: 'F', ageDays: 6 * Y }, { givenNames: 'Bravo', sex: 'M', ageDays: 3 * Y }],
    address: { line1: '1 Example Row', town: 'Demoshire Town', postcode: 'ZZ1 1AA', socialHousing: true },
  },
  {
    familyName: 'Sampleford', stage: 'strategy-discussion', openedDaysAgo: 4,
    adults: [
      { givenNames: 'Mock', relationship: 'mother', pr: true, livesWithChild: true },
      { givenNames: 'Stub', relationship: 'father', pr: true, livesWithChild: false },
    ],
    children: [{ givenNames: 'Charlie', sex: 'M', ageDays: 9 * Y }, { givenNames: 'Tango', sex: 'F', ageDays: 13 * Y }],
    address: { line1: '2 Specimen Street', town: 'Demoshire Town', postcode: 'ZZ1 1AB', socialHousing: false },
  },
  {
    familyName: 'Placeholder', stage: 'section-47', openedDaysAgo: 10,
    adults: [{ givenNames: 'Fixture', relationship: 'mother', pr: true, livesWithChild: true }],
    children: [
      { givenNames: 'Delta', sex: 'F', ageDays: 11 * Y },
      { givenNames: 'Echo', sex: 'M', ageDays: 7 * Y },
      { givenNames: 'Foxtrot', sex: 'F', ageDays: 200 },
    ],
    address: { line1: '3 Trial Terrace', town: 'Mockbury', postcode: 'ZZ2 2AA', socialHousing: true },
    language: 'Polish',
  },
  {
    familyName: 'Fictionale', stage: 'conference-requested', openedDaysAgo: 20,
    adults: [
      { givenNames: 'Dummy', relationship: 'mother', pr: true, livesWithChild: true },
      { givenNames: 'Proxy', relationship: 'step-parent', pr: false, livesWithChild: true },
    ],
    children: [{ givenNames: 'Golf', sex: 'M', ageDays: 4 * Y }, { givenNames: 'Hotel', sex: 'F', ageDays: 2 * Y }],
    address: { line1: '4 Sandbox Lane', town: 'Mockbury', postcode: 'ZZ2 2AB', socialHousing: false },
  },
  {
    familyName: 'Exemplar', stage: 'conference-requested', openedDaysAgo: 15,
    adults: [{ givenNames: 'Sample', relationship: 'mother', pr: true, livesWithChild: true }],
    children: [{ givenNames: 'India', sex: 'U', ageDays: null, eddInDays: 110 }],
    address: { line1: '5 Prototype Close', town: 'Demoshire Town', postcode: 'ZZ1 1AC', socialHousing: true },
  },
  {
    familyName: 'Mockworth', stage: 'on-a-plan', openedDaysAgo: 120,
    adults: [
      { givenNames: 'Tester', relationship: 'mother', pr: true, livesWithChild: true },
      { givenNames: 'Vector', relationship: 'father', pr: true, livesWithChild: true },
    ],
    children: [
      { givenNames: 'Juliet', sex: 'F', ageDays: 8 * Y },
      { givenNames: 'Kilo', sex: 'M', ageDays: 5 * Y },
      { givenNames: 'Lima', sex: 'M', ageDays: 1 * Y },
    ],
    address: { line1: '6 Harness Road', town: 'Stubton', postcode: 'ZZ3 3AA', socialHousing: true },
  },
  {
    familyName: 'Dummington', stage: 'on-a-plan', openedDaysAgo: 400, planHistory: { discussionWorkingDaysAgo: 170, reviewsHeld: 1 },
    adults: [{ givenNames: 'Scaffold', relationship: 'carer', pr: true, livesWithChild: true }],
    children: [{ givenNames: 'Mike', sex: 'M', ageDays: 14 * Y }, { givenNames: 'November', sex: 'F', ageDays: 12 * Y }],
    address: { line1: '7 Fixture Gardens', town: 'Stubton', postcode: 'ZZ3 3AB', socialHousing: false },
  },
  {
    familyName: 'Specimenson', stage: 'on-a-plan', openedDaysAgo: 60,
    adults: [{ givenNames: 'Mockup', relationship: 'mother', pr: true, livesWithChild: true }],
    children: [{ givenNames: 'Oscar', sex: 'M', ageDays: 17 * Y + 300 }],
    address: { line1: '8 Pilot Place', town: 'Demoshire Town', postcode: 'ZZ1 1AD', socialHousing: false },
  },
  {
    familyName: 'Prototyp', stage: 'plan-ended', openedDaysAgo: 700,
    adults: [
      { givenNames: 'Draft', relationship: 'mother', pr: true, livesWithChild: true },
      { givenNames: 'Beta', relationship: 'father', pr: true, livesWithChild: false },
    ],
    children: [{ givenNames: 'Papa', sex: 'M', ageDays: 10 * Y }, { givenNames: 'Quebec', sex: 'F', ageDays: 7 * Y }],
    address: { line1: '9 Example Row', town: 'Demoshire Town', postcode: 'ZZ1 1AE', socialHousing: true },
  },
  {
    familyName: 'Samplewood', stage: 'plan-ended', openedDaysAgo: 900,
    adults: [{ givenNames: 'Pseudo', relationship: 'carer', pr: true, livesWithChild: true }],
    children: [{ givenNames: 'Romeo', sex: 'M', ageDays: 13 * Y }, { givenNames: 'Sierra', sex: 'F', ageDays: 15 * Y }],
    address: { line1: '10 Synthetic Square', town: 'Mockbury', postcode: 'ZZ2 2AC', socialHousing: false },
  },
];
