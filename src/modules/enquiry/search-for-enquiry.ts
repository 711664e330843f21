import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enquiries, type EnquiryCandidateShown } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { loadEnquiry } from './load-enquiry.js';
import { findCandidates, parseEnquiryQuery, type Candidate, type EnquiryQuery } from './search-people.js';

/** What an enquirer sees of a candidate before choosing: enough to tell children apart, no more. */
export interface EnquiryCandidate {
  id: string;
  name: string;
  aliases: string[];
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  town: string | null;
  score: number;
  strength: string;
  reasons: string[];
  strict: boolean;
}

const townOf = (address: string | null) => (address ? (address.split(', ').at(-1) ?? null) : null);

function forEnquirer(c: Candidate): EnquiryCandidate {
  return {
    id: c.id, name: `${c.givenNames || 'Unborn'} ${c.familyName}`.trim(), aliases: c.aliases.map((a) => `${a.givenNames} ${a.familyName}`.trim()),
    dateOfBirth: c.dateOfBirth, expectedDeliveryDate: c.expectedDeliveryDate, town: townOf(c.address),
    score: c.match.score, strength: c.match.strength, reasons: c.match.reasons, strict: c.match.strict,
  };
}

/**
 * RG2/RG3: the enquiry's search. Only children are candidates. The question and every candidate
 * shown are kept on the enquiry, and each candidate is audited as a disclosure that the child is
 * known here.
 */
export async function searchForEnquiry(db: Database, context: ActionContext, enquiryId: string, input: unknown): Promise<{ query: EnquiryQuery; candidates: EnquiryCandidate[]; strictFound: boolean }> {
  await loadEnquiry(db, context.actor, enquiryId, 'continue');
  const query = parseEnquiryQuery(input, londonDateOf(context.now).toString());
  const candidates = (await findCandidates(db, query)).filter((c) => c.kind === 'child').map(forEnquirer);
  const shown: EnquiryCandidateShown[] = candidates.map((c) => ({ personId: c.id, name: c.name, score: c.score, strength: c.strength }));
  await db.transaction(async (tx) => {
    await tx.update(enquiries).set({
      questions: sql`${enquiries.questions} || ${JSON.stringify([query])}::jsonb`,
      shown: sql`${enquiries.shown} || ${JSON.stringify(shown)}::jsonb`,
    }).where(eq(enquiries.id, enquiryId));
    await recordAudit(tx, context, { action: 'enquiry-searched', recordType: 'enquiry', recordId: enquiryId, details: { ...query, results: candidates.length } });
    for (const c of candidates) {
      await recordAudit(tx, context, { action: 'child-shown-in-enquiry', recordType: 'enquiry', recordId: enquiryId, childId: c.id, details: { score: c.score, strength: c.strength } });
    }
  });
  return { query, candidates, strictFound: candidates.some((c) => c.strict) };
}
