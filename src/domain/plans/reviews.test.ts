import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { dueDateOf, nextReview, REVIEW_REQUEST_LEAD_WORKING_DAYS, reviewShouldBeRequested, reviewTriggerProblems } from './reviews.js';

const calendar = bundledCalendar('england-and-wales');
const base = { calendar, planStartedOn: '2026-03-02', dateOfBirth: '2019-05-04' };

describe('TS5 and TS6 review dates', () => {
  it('TS5: the first review is due within 3 months of the initial conference', () => {
    const review = nextReview({ ...base, pack: 'national', reviewsHeld: [] });
    expect(review.statutory.ruleId).toBe('TS5');
    expect(dueDateOf(review.statutory)).toBe('2026-06-02');
    expect(review.number).toBe(1);
  });

  it('TS6: later reviews within 6 months of the previous review', () => {
    const review = nextReview({ ...base, pack: 'hertfordshire', reviewsHeld: ['2026-06-01'] });
    expect(review.statutory.ruleId).toBe('TS6');
    expect(dueDateOf(review.statutory)).toBe('2026-12-01');
    expect(review.number).toBe(2);
  });

  it('is requested 20 working days before it is due, skipping both May bank holidays', () => {
    const review = nextReview({ ...base, pack: 'national', reviewsHeld: [] });
    expect(REVIEW_REQUEST_LEAD_WORKING_DAYS).toBe(20);
    expect(review.requestOn).toBe('2026-05-01');
    expect(reviewShouldBeRequested(review, Temporal.PlainDate.from('2026-04-30'), false)).toBe(false);
    expect(reviewShouldBeRequested(review, Temporal.PlainDate.from('2026-05-01'), false)).toBe(true);
    expect(reviewShouldBeRequested(review, Temporal.PlainDate.from('2026-05-20'), true)).toBe(false);
  });
});

describe('TS7 designated review', () => {
  it('newcastle: the 4th review is a designated review, about 21 months after the initial conference', () => {
    const review = nextReview({ ...base, pack: 'newcastle', reviewsHeld: ['2026-06-01', '2026-11-30', '2027-05-28'] });
    expect(review.kind).toBe('designated-review');
    expect(review.number).toBe(4);
    expect(review.designated && dueDateOf(review.designated)).toBe('2027-12-02');
  });

  it('is not designated before the 4th review, nor in packs without TS7', () => {
    expect(nextReview({ ...base, pack: 'newcastle', reviewsHeld: ['2026-06-01'] }).kind).toBe('review');
    const national = nextReview({ ...base, pack: 'national', reviewsHeld: ['2026-06-01', '2026-11-30', '2027-05-28'] });
    expect(national.kind).toBe('review');
    expect(national.designated).toBeNull();
  });
});

describe('TS25 18th birthday', () => {
  it('plans the review before the birthday when the birthday comes first', () => {
    const review = nextReview({ ...base, pack: 'national', dateOfBirth: '2008-09-10', reviewsHeld: ['2026-06-01'] });
    expect(review.eighteenth && dueDateOf(review.eighteenth)).toBe('2026-09-10');
    expect(review.holdBy).toBe('2026-09-09');
  });

  it('leaves the statutory date alone when the birthday is later', () => {
    const review = nextReview({ ...base, pack: 'national', reviewsHeld: [] });
    expect(review.eighteenth).toBeNull();
    expect(review.holdBy).toBe('2026-06-02');
  });
});

describe('RV2 bringing a review forward', () => {
  const input = { trigger: 'plan-failing' as const, occurredOn: '2026-04-01', holdBy: '2026-04-20', chairConsulted: false, statutoryDate: '2026-06-02', today: '2026-04-02' };

  it('accepts an earlier date than the statutory one', () => {
    expect(reviewTriggerProblems(input)).toEqual([]);
  });

  it('refuses a date after the statutory one, or in the past', () => {
    expect(reviewTriggerProblems({ ...input, holdBy: '2026-07-01' })).toEqual([{ field: 'holdBy', message: expect.stringContaining('2026-06-02') }]);
    expect(reviewTriggerProblems({ ...input, holdBy: '2026-03-01' })[0]?.field).toBe('holdBy');
  });

  it('new section 47 concerns: the chair is told and consulted first', () => {
    expect(reviewTriggerProblems({ ...input, trigger: 'new-section-47' })).toEqual([{ field: 'chairConsulted', message: expect.stringContaining('chair') }]);
    expect(reviewTriggerProblems({ ...input, trigger: 'new-section-47', chairConsulted: true })).toEqual([]);
  });
});

describe('an early review after an inquorate conference (CF1, CF2)', () => {
  it('drives the date to hold the review by and to request it, before the statutory date', () => {
    const review = nextReview({ ...base, pack: 'national', reviewsHeld: [], earlyReviewOn: '2026-04-15' });
    expect(dueDateOf(review.statutory)).toBe('2026-06-02');
    expect(review.holdBy).toBe('2026-04-15');
    expect(review.early && dueDateOf(review.early)).toBe('2026-04-15');
    expect(review.early?.explanation).toMatch(/not quorate/);
    expect(review.requestOn < '2026-05-01').toBe(true);
  });
  it('is ignored when it is no earlier than the statutory date, or was set before the last review held', () => {
    expect(nextReview({ ...base, pack: 'national', reviewsHeld: [], earlyReviewOn: '2026-07-01' }).early).toBeNull();
    expect(nextReview({ ...base, pack: 'national', reviewsHeld: ['2026-05-20'], earlyReviewOn: '2026-04-15' }).early).toBeNull();
  });
});
