import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import type { EnquiryFacts } from '../../domain/enquiry/answer.js';
import { formatPhone, normalisePhone } from '../../domain/enquiry/caller.js';
import { rowsOf } from '../shared/rows-of.js';

// eslint-disable-next-line no-restricted-syntax -- a date column read as a Date at UTC midnight: its UTC date is the stored date
const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export interface LoadedEnquiryFacts {
  facts: EnquiryFacts;
  caseOpen: boolean;
  leadSocialWorker: { id: string; name: string; email: string | null } | null;
  plansAtAddress: { childId: string; childName: string; leadSocialWorkerId: string | null; leadName: string | null; leadEmail: string | null }[];
}

/** RG3: every fact the enquiry answer states about one child, read from the records that hold it. */
export async function loadEnquiryFacts(db: Queryable, childId: string, organisationId: string): Promise<LoadedEnquiryFacts | null> {
  const [person] = rowsOf<{ given_names: string; family_name: string; aliases: { givenNames: string; familyName: string }[]; date_of_birth: unknown; kind: string }>(
    await db.execute(sql`select given_names, family_name, aliases, date_of_birth, kind from people where id = ${childId}`),
  );
  if (!person || person.kind !== 'child') return null;
  const [addresses, carers, plans, noPlan, caseRows, orgRows] = await Promise.all([
    db.execute(sql`select line1, line2, town, postcode, to_date is null as current from addresses where person_id = ${childId} order by from_date desc`),
    db.execute(sql`select p.given_names, p.family_name, r.type from relationships r join people p on p.id = r.person_id
      where r.child_id = ${childId} and r.type <> 'sibling' order by r.type, p.family_name`),
    db.execute(sql`select start_date, end_date, end_reason, latest_categories, lead_social_worker_id from child_protection_plans where child_id = ${childId} order by start_date`),
    db.execute(sql`select c.held_on from meeting_decisions d join conferences c on c.id = d.conference_id
      where d.child_id = ${childId} and d.outcome like 'no-plan%' and c.held_on is not null order by c.held_on`),
    db.execute(sql`select c.closed_on is null as open, u.id as worker_id, u.display_name, u.email from cases c left join users u on u.id = c.social_worker_id
      where c.child_id = ${childId} order by (c.closed_on is null) desc, c.opened_on desc limit 1`),
    db.execute(sql`select name, phone from organisations where id = ${organisationId}`),
  ]);
  const addressRows = rowsOf<{ line1: string; line2: string | null; town: string; postcode: string; current: boolean }>(addresses);
  const current = addressRows.filter((a) => a.current);
  const planRows = rowsOf<{ start_date: unknown; end_date: unknown; end_reason: string | null; latest_categories: string[] | null; lead_social_worker_id: string | null }>(plans);
  const kase = rowsOf<{ open: boolean; worker_id: string | null; display_name: string | null; email: string | null }>(caseRows)[0] ?? null;
  const org = rowsOf<{ name: string; phone: string | null }>(orgRows)[0];

  // Other children on a plan now whose current address is this child's current address.
  const atAddress = current.length
    ? rowsOf<{ child_id: string; given_names: string; family_name: string; lead_id: string | null; lead_name: string | null; lead_email: string | null }>(await db.execute(sql`
        select distinct on (pl.child_id) pl.child_id, p.given_names, p.family_name, u.id as lead_id, u.display_name as lead_name, u.email as lead_email
        from child_protection_plans pl
        join people p on p.id = pl.child_id
        join addresses a on a.person_id = pl.child_id and a.to_date is null
        left join users u on u.id = pl.lead_social_worker_id
        where pl.end_date is null and pl.child_id <> ${childId}
          and (${sql.join(current.map((c) => sql`(lower(a.line1) = lower(${c.line1}) and upper(replace(a.postcode, ' ', '')) = upper(replace(${c.postcode}, ' ', '')))`), sql` or `)})`))
    : [];

  const text = (a: { line1: string; line2: string | null; town: string; postcode: string }) => [a.line1, a.line2, `${a.town} ${a.postcode}`.trim()].filter(Boolean).join(', ');
  const relation = (t: string) => t.replaceAll('-', ' ');
  return {
    facts: {
      name: `${person.given_names || 'Unborn baby'} ${person.family_name}`.trim(),
      aliases: (person.aliases ?? []).map((a) => `${a.givenNames} ${a.familyName}`.trim()),
      dateOfBirth: day(person.date_of_birth),
      addresses: addressRows.map((a) => ({ text: text(a), current: a.current })),
      carers: rowsOf<{ given_names: string; family_name: string; type: string }>(carers).map((c) => `${c.given_names} ${c.family_name} (${relation(c.type)})`),
      plans: planRows.map((p) => ({ startDate: day(p.start_date)!, endDate: day(p.end_date), endReason: p.end_reason, categories: p.latest_categories ?? [] })),
      conferencesWithoutPlan: rowsOf<{ held_on: unknown }>(noPlan).map((r) => day(r.held_on)!),
      caseOpen: kase ? kase.open : null,
      keyWorker: kase?.open && kase.display_name ? kase.display_name : null,
      dutyNumber: org?.phone ? (formatPhoneIfPossible(org.phone)) : null,
      authority: org?.name ?? 'this authority',
      othersOnPlanAtAddress: atAddress.length,
    },
    caseOpen: Boolean(kase?.open),
    leadSocialWorker: kase?.open && kase.worker_id ? { id: kase.worker_id, name: kase.display_name ?? '', email: kase.email } : null,
    plansAtAddress: atAddress.map((r) => ({ childId: r.child_id, childName: `${r.given_names} ${r.family_name}`.trim(), leadSocialWorkerId: r.lead_id, leadName: r.lead_name, leadEmail: r.lead_email })),
  };
}

function formatPhoneIfPossible(phone: string): string {
  const national = normalisePhone(phone);
  return national ? formatPhone(national) : phone;
}
