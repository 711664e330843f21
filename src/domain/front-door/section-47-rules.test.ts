import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { checkChildSeen, checkCoreAssessmentCompleted, section47StartRefusal, type Section47StartFacts } from './section-47-rules.js';

const d = (s: string) => Temporal.PlainDate.from(s);
const facts = (over: Partial<Section47StartFacts> = {}): Section47StartFacts => ({
  childName: 'Alpha', startsOn: d('2026-03-02'), discussionInitiatesSection47: true, childWasDiscussed: true,
  referralReceivedOn: d('2026-02-27'), openEnquiries: 0, ...over,
});

describe('FD4 starting a section 47 enquiry from the strategy discussion', () => {
  it('starts when the discussion decided so and the referral came first', () => {
    expect(section47StartRefusal(facts())).toBeNull();
    expect(section47StartRefusal(facts({ referralReceivedOn: d('2026-03-02') }))).toBeNull();
  });
  it('never starts before the referral (census S47ActualStartDate)', () => {
    expect(section47StartRefusal(facts({ referralReceivedOn: d('2026-03-03') }))).toMatch(/cannot start before the referral/);
    expect(section47StartRefusal(facts({ referralReceivedOn: null }))).toMatch(/no referral/);
  });
  it('allows one open enquiry per child at a time', () => {
    expect(section47StartRefusal(facts({ openEnquiries: 1 }))).toMatch(/already has an open section 47 enquiry/);
  });
  it('needs a discussion that decided to start enquiries for this child', () => {
    expect(section47StartRefusal(facts({ discussionInitiatesSection47: false }))).toMatch(/did not decide/);
    expect(section47StartRefusal(facts({ childWasDiscussed: false }))).toMatch(/not one of the children/);
  });
});

describe('FD4 the dates the child was seen, alone or not', () => {
  const start = d('2026-03-02');
  const today = d('2026-03-10');
  it('accepts a visit alone', () => {
    expect(checkChildSeen({ date: d('2026-03-03'), seenAlone: true }, start, today)).toEqual([]);
  });
  it('needs who was present and why when not seen alone', () => {
    expect(checkChildSeen({ date: d('2026-03-03'), seenAlone: false }, start, today).map((p) => p.field)).toEqual(['whoWasPresent', 'whyNotAlone']);
    expect(checkChildSeen({ date: d('2026-03-03'), seenAlone: false, whoWasPresent: 'Mother', whyNotAlone: 'Baby of 4 months' }, start, today)).toEqual([]);
  });
  it('keeps the date inside the enquiry and not in the future', () => {
    expect(checkChildSeen({ date: d('2026-03-01'), seenAlone: true }, start, today)[0]?.field).toBe('date');
    expect(checkChildSeen({ date: d('2026-03-11'), seenAlone: true }, start, today)[0]?.field).toBe('date');
  });
  it('dates the core assessment completion inside the enquiry', () => {
    expect(checkCoreAssessmentCompleted(d('2026-03-01'), start, today)).toHaveLength(1);
    expect(checkCoreAssessmentCompleted(d('2026-03-09'), start, today)).toEqual([]);
    expect(checkCoreAssessmentCompleted(d('2026-03-11'), start, today)).toHaveLength(1);
  });
});
