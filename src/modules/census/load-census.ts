import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { episodeInYear, type CensusChild, type CensusEpisode, type CensusYear } from '../../domain/census/census-model.js';
import { countsAsInitialConference, REVIEW_CONFERENCE_KINDS } from '../../domain/census/rules.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
// eslint-disable-next-line no-restricted-syntax -- a date column read as a Date at UTC midnight: its UTC date is the stored date
const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const group = <T>(rows: T[], key: (r: T) => string) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
};


/**
 * The census facts for a year, read from what staff recorded as they worked (nothing re-keyed):
 * each case is an episode; its first referral, assessments, child in need plans, section 47s with the initial
 * conference that followed each, and its plans with the review conferences held while they ran.
 */
export async function loadCensus(db: Queryable, year: CensusYear): Promise<CensusChild[]> {
  const caseRows = rowsOf<{
    case_id: string; child_id: string; opened_on: unknown; closed_on: unknown; closure_reason: string | null; primary_need_code: string | null;
    la_child_id: string | null; date_of_birth: unknown; expected_delivery_date: unknown; sex: string | null; ethnicity: string | null; disabilities: string[] | null; date_of_death: unknown;
    referral_at: unknown; source_code: string | null; decision: string | null;
  }>(await db.execute(sql`
    select c.id as case_id, c.child_id, c.opened_on, c.closed_on, c.closure_reason, c.primary_need_code,
           p.la_child_id, p.date_of_birth, p.expected_delivery_date, p.sex, p.ethnicity, p.disabilities, p.date_of_death,
           r.received_at as referral_at, r.source_code, r.decision
    from cases c
    join people p on p.id = c.child_id and p.kind = 'child'
    left join lateral (select received_at, source_code, decision from referrals x where x.case_id = c.id order by received_at limit 1) r on true
    where c.opened_on <= ${year.referenceDate}::date and (c.closed_on is null or c.closed_on >= ${year.start}::date)
    order by p.la_child_id nulls first, c.opened_on`));
  if (caseRows.length === 0) return [];
  const caseIds = caseRows.map((c) => c.case_id);
  const childIds = [...new Set(caseRows.map((c) => c.child_id))];
  const [assessments, cinPlans, s47s, conferencesHeld, plans] = await Promise.all([
    db.execute(sql`select case_id, started_on, authorised_on, factors from assessments where case_id in ${caseIds} order by started_on`),
    db.execute(sql`select case_id, start_date, end_date from child_in_need_plans where case_id in ${caseIds} order by start_date`),
    db.execute(sql`select case_id, started_on, icpc_not_required from section_47_enquiries where case_id in ${caseIds} order by started_on`),
    db.execute(sql`select cc.child_id, cc.case_id, cc.child_type, c.kind, c.held_on, c.due_date from conference_children cc join conferences c on c.id = cc.conference_id
      where cc.child_id in ${childIds} and cc.role = 'subject' and c.status = 'held' and c.held_on is not null order by c.held_on`),
    db.execute(sql`select case_id, child_id, start_date, end_date, initial_categories, latest_categories, previous_plans from child_protection_plans
      where case_id in ${caseIds} and responsible_authority is null order by start_date`),
  ]);
  const assessmentsBy = group(rowsOf<{ case_id: string; started_on: unknown; authorised_on: unknown; factors: string[] | null }>(assessments), (r) => r.case_id);
  const cinPlansBy = group(rowsOf<{ case_id: string; start_date: unknown; end_date: unknown }>(cinPlans), (r) => r.case_id);
  const s47By = group(rowsOf<{ case_id: string; started_on: unknown; icpc_not_required: boolean }>(s47s), (r) => r.case_id);
  const heldBy = group(rowsOf<{ child_id: string; case_id: string | null; child_type: string | null; kind: string; held_on: unknown; due_date: unknown }>(conferencesHeld), (r) => r.child_id);
  const plansBy = group(rowsOf<{ case_id: string; start_date: unknown; end_date: unknown; initial_categories: string[]; latest_categories: string[]; previous_plans: number | null }>(plans), (r) => r.case_id);

  const children = new Map<string, CensusChild>();
  for (const c of caseRows) {
    const held = (heldBy.get(c.child_id) ?? []).map((h) => ({ ...h, held_on: day(h.held_on)!, due_date: day(h.due_date) }));
    const referralDate = c.referral_at ? londonDateOf(new Date(c.referral_at as string)).toString() : day(c.opened_on)!;
    const closureDate = day(c.closed_on);
    const inEpisode = (d: string) => d >= referralDate && (closureDate === null || d <= closureDate);
    // The child's own initial conferences: a reconvened or review conference the child came to without a plan counts (rules.ts).
    const initials = held.filter((h) => countsAsInitialConference(h.kind, h.child_type) && inEpisode(h.held_on));
    const s47List = (s47By.get(c.case_id) ?? []).map((s) => ({ startDate: day(s.started_on)!, icpcNotRequired: s.icpc_not_required }));
    const used = new Set<string>();
    const section47s = s47List.map((s, i) => {
      const next = s47List[i + 1]?.startDate ?? '9999-12-31';
      // The initial conference that followed this enquiry (before the next one began).
      const icpc = initials.find((h) => h.held_on >= s.startDate && h.held_on < next && !used.has(h.held_on));
      if (icpc) used.add(icpc.held_on);
      return { startDate: s.startDate, initialCpcTarget: icpc?.due_date ?? null, dateOfInitialCpc: icpc?.held_on ?? null, icpcNotRequired: s.icpcNotRequired };
    });
    const withoutS47 = initials.find((h) => !used.has(h.held_on));
    const episode: CensusEpisode = {
      referralDate,
      referralSource: c.source_code ?? '10',
      primaryNeedCode: c.primary_need_code,
      referralNfa: c.decision === 'no-further-action',
      closureDate,
      reasonForClosure: c.closure_reason,
      assessments: (assessmentsBy.get(c.case_id) ?? []).map((a) => ({ startDate: day(a.started_on)!, authorisationDate: day(a.authorised_on), factors: a.factors ?? [] })),
      cinPlans: (cinPlansBy.get(c.case_id) ?? []).map((p) => ({ startDate: day(p.start_date)!, endDate: day(p.end_date) })),
      section47s,
      dateOfInitialCpc: withoutS47?.held_on ?? null,
      plans: (plansBy.get(c.case_id) ?? []).map((p) => {
        const start = day(p.start_date)!;
        const end = day(p.end_date);
        return {
          startDate: start, endDate: end, initialCategories: p.initial_categories, latestCategories: p.latest_categories, numberOfPreviousCpp: p.previous_plans,
          reviewDates: held.filter((h) => REVIEW_CONFERENCE_KINDS.includes(h.kind) && !countsAsInitialConference(h.kind, h.child_type) && h.held_on > start && (end === null || h.held_on <= end)).map((h) => h.held_on),
        };
      }),
    };
    if (!episodeInYear(episode, year)) continue;
    const existing = children.get(c.child_id);
    if (existing) {
      existing.episodes.push(episode);
      existing.caseIds.push(c.case_id);
      continue;
    }
    children.set(c.child_id, {
      personId: c.child_id, caseIds: [c.case_id], laChildId: c.la_child_id, personBirthDate: day(c.date_of_birth), expectedPersonBirthDate: day(c.expected_delivery_date),
      sex: c.sex, ethnicity: c.ethnicity, disabilities: c.disabilities ?? [], personDeathDate: day(c.date_of_death), episodes: [episode],
    });
  }
  return [...children.values()];
}
