import { describe, expect, it } from 'vitest';
import type { AgencyId } from './agencies.js';
import { meetingRules } from './meeting-rules.js';
import { checkChairDecision, dissentsFrom, tallyViews, type PractitionerView } from './views.js';

let n = 0;
function view(agency: AgencyId, planNeeded: boolean, name = `Person ${++n}`): PractitionerView {
  return { id: String(n), name, agency, planNeeded, categories: planNeeded ? ['NEG'] : [], reasons: planNeeded ? 'risk remains' : 'risk reduced' };
}

const dorset = meetingRules('pan-dorset').views;
const national = meetingRules('national').views;

describe('pan-dorset: one view per agency, majority decides (DC2, DC3)', () => {
  it('a majority for a plan makes a plan', () => {
    const views = [view('childrens-social-care', true), view('police', true), view('education', false)];
    expect(checkChairDecision(dorset, views, { decision: 'plan', overrule: false })).toEqual({ ok: true, basis: 'majority' });
  });
  it('a unanimous view is recorded as unanimous', () => {
    const views = [view('childrens-social-care', false), view('police', false)];
    expect(checkChairDecision(dorset, views, { decision: 'no-plan', overrule: false })).toEqual({ ok: true, basis: 'unanimous' });
  });
  it('the chair cannot decide against the majority for no plan', () => {
    const views = [view('childrens-social-care', true), view('police', true), view('education', false)];
    const r = checkChairDecision(dorset, views, { decision: 'no-plan', overrule: false });
    expect(r.ok).toBe(false);
  });
  it('the chair cannot overrule towards no plan either', () => {
    const views = [view('childrens-social-care', true), view('police', true), view('education', false)];
    const r = checkChairDecision(dorset, views, { decision: 'no-plan', overrule: true });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('only to make or keep a plan') });
  });
  it('making a plan against a no-plan majority needs the overrule', () => {
    const views = [view('childrens-social-care', false), view('police', false), view('education', true)];
    expect(checkChairDecision(dorset, views, { decision: 'plan', overrule: false })).toMatchObject({ ok: false, field: 'overrule' });
    expect(checkChairDecision(dorset, views, { decision: 'plan', overrule: true })).toEqual({ ok: true, basis: 'overrule' });
  });
  it('an overrule that agrees with the majority is refused', () => {
    const views = [view('childrens-social-care', true), view('police', true)];
    expect(checkChairDecision(dorset, views, { decision: 'plan', overrule: true })).toMatchObject({ ok: false, field: 'overrule' });
  });
  it("a tie needs the chair's view, which decides (casting vote)", () => {
    const views = [view('childrens-social-care', true), view('police', false)];
    expect(checkChairDecision(dorset, views, { decision: 'plan', overrule: false })).toMatchObject({ ok: false, field: 'chairView' });
    expect(checkChairDecision(dorset, views, { decision: 'plan', chairView: 'plan', overrule: false })).toEqual({ ok: true, basis: 'casting-vote' });
    expect(checkChairDecision(dorset, views, { decision: 'no-plan', chairView: 'no-plan', overrule: false })).toEqual({ ok: true, basis: 'casting-vote' });
    expect(checkChairDecision(dorset, views, { decision: 'plan', chairView: 'no-plan', overrule: false }).ok).toBe(false);
  });
  it('refuses two views from one agency', () => {
    const views = [view('childrens-social-care', true), view('police', true), view('police', false)];
    expect(checkChairDecision(dorset, views, { decision: 'plan', overrule: false })).toMatchObject({ ok: false, message: expect.stringContaining('Police') });
  });
  it('refuses a decision with no views recorded', () => {
    expect(checkChairDecision(dorset, [], { decision: 'plan', overrule: false }).ok).toBe(false);
  });
});

describe('national: the chair decides after the views (DC3)', () => {
  it('the chair may decide against most practitioners, and several practitioners of one agency each give a view', () => {
    const views = [view('childrens-social-care', false), view('police', false), view('police', false), view('gp', true)];
    expect(checkChairDecision(national, views, { decision: 'plan', overrule: false })).toEqual({ ok: true, basis: 'chair' });
  });
  it('there is no overrule outside pan-dorset', () => {
    expect(checkChairDecision(national, [view('gp', true)], { decision: 'plan', overrule: true })).toMatchObject({ ok: false, field: 'overrule' });
  });
});

describe('tally and dissent', () => {
  it('counts the views and finds the majority', () => {
    expect(tallyViews([view('gp', true), view('police', true), view('education', false)])).toEqual({ plan: 2, noPlan: 1, majority: 'plan', unanimous: false });
    expect(tallyViews([]).majority).toBe('none');
    expect(tallyViews([view('gp', true), view('police', false)]).majority).toBe('tie');
  });
  it('records everyone who disagrees, with name and view', () => {
    const views = [view('gp', true, 'Dr Alpha Sampleford'), view('police', false, 'PC Beta Testington')];
    const dissents = dissentsFrom(views, 'plan');
    expect(dissents).toEqual([{ name: 'PC Beta Testington', agency: 'Police', view: 'A plan is not needed: risk reduced' }]);
    expect(dissentsFrom(views, 'no-plan').map((d) => d.name)).toEqual(['Dr Alpha Sampleford']);
  });
});
