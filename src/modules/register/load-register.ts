import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { cases, childProtectionPlans, conferenceChildren, conferences, meetingDecisions, people, planEndings, teams, users } from '../../db/schema/index.js';
import { OUTCOME_LABELS, type Outcome } from '../../domain/conference/decision.js';
import { ENDING_ROUTE_LABELS } from '../../domain/plans/ending.js';
import { computeDeadline, DeadlineError } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import {
  AGE_BAND_LABELS, ageBandOf, birthRangeOf, csvLine, REGISTER_PAGE_SIZE, sortRegister, type AgeBand, type RegisterFilter,
} from '../../domain/register/register-view.js';
import { mayViewRegister } from '../../policies/register.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';
import { auditChildrenListed } from './register-audit.js';
import { listedName } from '../shared/load-records.js';

export interface RegisterRow {
  childId: string;
  planId: string;
  caseId: string;
  name: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  ageBand: AgeBand | null;
  ageBandLabel: string;
  initialCategories: string[];
  latestCategories: string[];
  planStart: string;
  leadSocialWorker: string | null;
  team: string | null;
  nextReviewDue: string | null;
  nextReviewNote: string;
  /** Null when the plan is this authority's own. */
  responsibleAuthority: string | null;
  legalStatus: string;
}

export interface RegisterView {
  filter: RegisterFilter;
  rows: RegisterRow[];
  total: number;
  page: number;
  pages: number;
  teams: { id: string; name: string }[];
}


/**
 * RG1: every child with a plan in this authority's area on the day asked (today, or a past date),
 * including children placed here on another authority's plan and unborn children. The filtered set
 * is read in one query on indexed columns; the next review is computed on read (TS5/TS6) and the
 * rows are sorted and paged here, since a register holds hundreds, not millions, of children.
 */
async function registerRows(db: Queryable, actor: { organisationId: string }, filter: RegisterFilter, pack: PackId): Promise<RegisterRow[]> {
  const lead = alias(users, 'lead');
  const where: SQL[] = [
    eq(cases.organisationId, actor.organisationId),
    lte(childProtectionPlans.startDate, filter.asOf),
    or(isNull(childProtectionPlans.endDate), gt(childProtectionPlans.endDate, filter.asOf))!,
  ];
  if (filter.category) where.push(sql`${filter.category} = any(${childProtectionPlans.latestCategories})`);
  if (filter.teamId) where.push(eq(lead.teamId, filter.teamId));
  if (filter.responsible === 'ours') where.push(isNull(childProtectionPlans.responsibleAuthority));
  if (filter.responsible === 'other') where.push(isNotNull(childProtectionPlans.responsibleAuthority));
  if (filter.ageBand === 'unborn') where.push(or(isNull(people.dateOfBirth), gt(people.dateOfBirth, filter.asOf))!);
  else if (filter.ageBand) {
    const range = birthRangeOf(filter.ageBand, filter.asOf);
    where.push(gt(people.dateOfBirth, range.bornAfter), lte(people.dateOfBirth, range.bornOnOrBefore));
  }
  const rows = await db
    .select({
      plan: childProtectionPlans, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth,
      expectedDeliveryDate: people.expectedDeliveryDate, legalStatus: cases.legalStatus, lookedAfter: cases.lookedAfter,
      leadName: lead.displayName, teamName: teams.name,
    })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .leftJoin(lead, eq(lead.id, sql`coalesce(${childProtectionPlans.leadSocialWorkerId}, ${cases.socialWorkerId})`))
    .leftJoin(teams, eq(lead.teamId, teams.id))
    .where(and(...where));
  const childIds = rows.map((r) => r.plan.childId);
  const reviews = childIds.length
    ? await db
        .select({ childId: conferenceChildren.childId, heldOn: conferences.heldOn })
        .from(conferenceChildren)
        .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
        .where(and(inArray(conferenceChildren.childId, childIds), inArray(conferences.kind, ['review', 'designated-review']), eq(conferences.status, 'held'), lte(conferences.heldOn, filter.asOf)))
    : [];
  const calendar = await workingCalendar(db);
  return rows.map((r) => {
    const p = r.plan;
    const lastReview = reviews
      .filter((v) => v.childId === p.childId && v.heldOn && v.heldOn >= p.startDate)
      .map((v) => v.heldOn!)
      .sort()
      .at(-1);
    let nextReviewDue: string | null = null;
    let nextReviewNote: string;
    if (p.responsibleAuthority) nextReviewNote = `Reviewed by ${p.responsibleAuthority}`;
    else {
      try {
        const d = computeDeadline({ ruleId: lastReview ? 'TS6' : 'TS5', pack, from: Temporal.PlainDate.from(lastReview ?? p.startDate), calendar });
        nextReviewDue = d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 10);
        nextReviewNote = lastReview ? `TS6: from the review on ${lastReview}` : 'TS5: first review from the plan start';
      } catch (error) {
        if (!(error instanceof DeadlineError)) throw error;
        nextReviewNote = error.message;
      }
    }
    const band = ageBandOf(r.dateOfBirth, filter.asOf);
    return {
      childId: p.childId, planId: p.id, caseId: p.caseId, name: listedName(r), givenNames: r.givenNames, familyName: r.familyName,
      dateOfBirth: r.dateOfBirth, expectedDeliveryDate: r.expectedDeliveryDate, ageBand: band, ageBandLabel: band ? AGE_BAND_LABELS[band] : '18 or over',
      initialCategories: p.initialCategories, latestCategories: p.latestCategories, planStart: p.startDate,
      leadSocialWorker: r.leadName, team: r.teamName, nextReviewDue, nextReviewNote, responsibleAuthority: p.responsibleAuthority,
      legalStatus: r.legalStatus ?? (r.lookedAfter ? 'Looked after' : 'None recorded'),
    };
  });
}

function describeFilter(filter: RegisterFilter): Record<string, unknown> {
  const { page: _page, ...rest } = filter;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** The register page: one page of rows, each child shown audited as a register read. */
export async function loadRegister(db: Queryable, context: ActionContext, filter: RegisterFilter, pack: PackId): Promise<RegisterView> {
  const actor = context.actor;
  if (!actor || !mayViewRegister(actor)) throw new ForbiddenError();
  const all = sortRegister(await registerRows(db, actor, filter, pack), filter.sort);
  const pages = Math.max(1, Math.ceil(all.length / REGISTER_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const rows = all.slice((page - 1) * REGISTER_PAGE_SIZE, page * REGISTER_PAGE_SIZE);
  await auditChildrenListed(db, context, rows.map((r) => r.childId), { action: 'register-viewed', recordType: 'register', details: { filter: describeFilter(filter), page } });
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, actor.organisationId)).orderBy(teams.name);
  return { filter: { ...filter, page }, rows, total: all.length, page, pages, teams: teamRows };
}

export const REGISTER_CSV_HEADER = [
  'Child', 'Date of birth', 'Expected delivery date', 'Age band', 'Initial category', 'Latest category', 'Plan start',
  'Lead social worker', 'Team', 'Next review due', 'Responsible authority', 'Legal status',
];

/**
 * The whole filtered register as CSV. One transaction writes an audit row per child exported and
 * one summary row naming the filter and how many children went out, so who exported what is known.
 */
export async function exportRegisterCsv(db: Queryable, context: ActionContext, filter: RegisterFilter, pack: PackId): Promise<{ csv: string; count: number }> {
  const actor = context.actor;
  if (!actor || !mayViewRegister(actor)) throw new ForbiddenError();
  const rows = sortRegister(await registerRows(db, actor, filter, pack), filter.sort);
  const lines = [
    csvLine(REGISTER_CSV_HEADER),
    ...rows.map((r) => csvLine([
      r.name, r.dateOfBirth, r.expectedDeliveryDate, r.ageBandLabel, r.initialCategories.join(' '), r.latestCategories.join(' '), r.planStart,
      r.leadSocialWorker, r.team, r.nextReviewDue, r.responsibleAuthority ?? 'This authority', r.legalStatus,
    ])),
  ];
  const details = { filter: describeFilter(filter), count: rows.length };
  await auditChildrenListed(db, context, rows.map((r) => r.childId), { action: 'register-exported', recordType: 'register', details });
  return { csv: `${lines.join('\r\n')}\r\n`, count: rows.length };
}

export interface EndedPlanRow { childId: string; planId: string; name: string; dateOfBirth: string | null; startDate: string; endDate: string; reason: string }
export interface NoPlanConferenceRow { childId: string; conferenceId: string; name: string; dateOfBirth: string | null; heldOn: string | null; outcome: string }

const END_REASONS: Record<string, string> = {
  ...ENDING_ROUTE_LABELS,
  'review-conference-decision': 'A review conference ended the plan', 'review-decision': 'A review conference ended the plan',
};

/**
 * The register's history (RG1, and what an enquiry answer needs under RG3): children whose plan
 * has ended, with the date and reason, and conferences that made no plan. Each child shown audited.
 */
export async function loadRegisterHistory(db: Queryable, context: ActionContext, options: { limit?: number } = {}): Promise<{ ended: EndedPlanRow[]; noPlan: NoPlanConferenceRow[] }> {
  const actor = context.actor;
  if (!actor || !mayViewRegister(actor)) throw new ForbiddenError();
  const limit = options.limit ?? 200;
  const ended = await db
    .select({ plan: childProtectionPlans, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, endingReason: planEndings.reason })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .leftJoin(planEndings, eq(planEndings.planId, childProtectionPlans.id))
    .where(and(eq(cases.organisationId, actor.organisationId), isNotNull(childProtectionPlans.endDate)))
    .orderBy(desc(childProtectionPlans.endDate))
    .limit(limit);
  const noPlan = await db
    .select({ d: meetingDecisions, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, heldOn: conferences.heldOn })
    .from(meetingDecisions)
    .innerJoin(conferences, eq(meetingDecisions.conferenceId, conferences.id))
    .innerJoin(conferenceChildren, eq(meetingDecisions.conferenceChildId, conferenceChildren.id))
    .innerJoin(cases, eq(conferenceChildren.caseId, cases.id))
    .innerJoin(people, eq(meetingDecisions.childId, people.id))
    .where(and(eq(cases.organisationId, actor.organisationId), inArray(meetingDecisions.outcome, ['no-plan-cin', 'no-plan-nfa']), inArray(conferences.kind, ['initial', 'pre-birth', 'transfer-in', 'reconvened'])))
    .orderBy(desc(conferences.heldOn))
    .limit(limit);
  const view = {
    ended: ended.map((e) => {
      const reasonCode = e.plan.endReason ?? '';
      const reason = [END_REASONS[reasonCode] ?? reasonCode.replaceAll('-', ' '), e.endingReason].filter(Boolean).join(': ');
      return { childId: e.plan.childId, planId: e.plan.id, name: listedName(e), dateOfBirth: e.dateOfBirth, startDate: e.plan.startDate, endDate: e.plan.endDate!, reason: reason || 'Not recorded' };
    }),
    noPlan: noPlan.map((n) => ({
      childId: n.d.childId, conferenceId: n.d.conferenceId, name: listedName(n), dateOfBirth: n.dateOfBirth, heldOn: n.heldOn,
      outcome: OUTCOME_LABELS[n.d.outcome as Outcome] ?? n.d.outcome,
    })),
  };
  await auditChildrenListed(db, context, [...view.ended.map((e) => e.childId), ...view.noPlan.map((n) => n.childId)], { action: 'register-history-viewed', recordType: 'register', details: {} });
  return view;
}
