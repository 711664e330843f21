import { describe, expect, it } from 'vitest';
import { legalActionAgreementProblems, managerChecks, readinessWarnings, sharingRefusal, teamManagerCheckProblems, type ManagerCheckFacts } from './manager-checks.js';
import { itFindsProblemFields } from '../../../test/support/answer-tables.js';

const base: ManagerCheckFacts = { kind: 'social-work', status: 'submitted', version: 3, checkedVersion: null, legalActionRecommended: null, legalActionDecision: null };

describe('the social work report’s manager checks (003)', () => {
  it.each([
    { name: 'an agency report needs no manager', change: { kind: 'agency' }, teamManager: 'not-needed', legalAction: 'not-needed', shareable: true },
    { name: 'the family’s views need no manager', change: { kind: 'family-views', status: 'draft' }, teamManager: 'not-needed', legalAction: 'not-needed', shareable: true },
    { name: 'a draft waits for its author first', change: { status: 'draft' }, teamManager: 'awaiting-submission', legalAction: 'not-answered', shareable: false },
    { name: 'submitted, not checked', change: {}, teamManager: 'awaiting', legalAction: 'not-answered', shareable: false },
    { name: 'checked at this version, no legal action', change: { checkedVersion: 3, legalActionRecommended: false }, teamManager: 'checked', legalAction: 'not-needed', shareable: true },
    { name: 'changed after the check', change: { checkedVersion: 2, legalActionRecommended: false }, teamManager: 'changed-since-check', legalAction: 'not-needed', shareable: false },
    { name: 'legal action awaiting the service manager', change: { checkedVersion: 3, legalActionRecommended: true }, teamManager: 'checked', legalAction: 'awaiting', shareable: true },
    { name: 'legal action awaiting the service manager before the check', change: { legalActionRecommended: true }, teamManager: 'awaiting', legalAction: 'awaiting', shareable: false },
    { name: 'legal action in a draft: the service manager is asked once it is submitted', change: { status: 'draft', legalActionRecommended: true }, teamManager: 'awaiting-submission', legalAction: 'awaiting-submission', shareable: false },
    { name: 'legal action agreed', change: { checkedVersion: 3, legalActionRecommended: true, legalActionDecision: 'agreed' }, teamManager: 'checked', legalAction: 'agreed', shareable: true },
    { name: 'legal action not agreed', change: { checkedVersion: 3, legalActionRecommended: true, legalActionDecision: 'not-agreed' }, teamManager: 'checked', legalAction: 'not-agreed', shareable: true },
  ] as const)('$name', ({ change, teamManager, legalAction, shareable }) => {
    const facts = { ...base, ...change };
    expect(managerChecks(facts)).toEqual({ teamManager, legalAction });
    expect(sharingRefusal(facts) === null).toBe(shareable);
  });

  it.each([
    { name: 'nothing to warn of', change: { checkedVersion: 3, legalActionRecommended: false }, warnings: [] },
    { name: 'agreed legal action', change: { checkedVersion: 3, legalActionRecommended: true, legalActionDecision: 'agreed' }, warnings: [] },
    { name: 'unchecked', change: {}, warnings: ['The social work report for Alpha has not been checked by a team manager.'] },
    { name: 'changed since checked, legal action awaiting', change: { checkedVersion: 1, legalActionRecommended: true }, warnings: [
      'The social work report for Alpha has changed since the team manager checked it.',
      'The social work report for Alpha recommends legal action and a service manager has not yet agreed it.',
    ] },
    { name: 'legal action not agreed', change: { checkedVersion: 3, legalActionRecommended: true, legalActionDecision: 'not-agreed' }, warnings: ['The social work report for Alpha recommends legal action that the service manager did not agree.'] },
    { name: 'an agency report', change: { kind: 'agency' }, warnings: [] },
  ] as const)('readiness warns: $name', ({ change, warnings }) => {
    expect(readinessWarnings({ ...base, ...change }, 'Alpha')).toEqual(warnings);
  });

  itFindsProblemFields('the team manager’s check: $name → $fields', teamManagerCheckProblems, [
    { name: 'checked, the report recommends no legal action', input: { confirmed: true, legalActionRecommended: false }, fields: [] },
    { name: 'checked, the report recommends legal action', input: { confirmed: true, legalActionRecommended: true }, fields: [] },
    { name: 'not confirmed', input: { confirmed: false, legalActionRecommended: false }, fields: ['confirmed'] },
    { name: 'the report (written before the question was in it) does not say', input: { confirmed: true, legalActionRecommended: null }, fields: ['legalActionRecommended'] },
    { name: 'nothing given', input: { confirmed: false, legalActionRecommended: null }, fields: ['legalActionRecommended', 'confirmed'] },
  ]);

  itFindsProblemFields('the service manager’s agreement: $name → $fields', legalActionAgreementProblems, [
    { name: 'agreed', input: { decision: 'agreed', reasons: '' }, fields: [] },
    { name: 'not agreed with reasons', input: { decision: 'not-agreed', reasons: 'Threshold not met yet' }, fields: [] },
    { name: 'not agreed without reasons', input: { decision: 'not-agreed', reasons: '  ' }, fields: ['reasons'] },
    { name: 'no answer', input: { decision: '', reasons: '' }, fields: ['decision'] },
  ]);
});
