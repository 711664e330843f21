import { desc, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { complaints, dissents, practiceConcerns } from '../../db/schema/index.js';
import { COMPLAINT_STAGE_LABELS, dissentStepsFrom, type ComplaintStage, type DissentStage } from '../../domain/escalation/stages.js';

/** Complaints not closed, dissent with a step still to take and unresolved practice concerns, newest first. */
export async function loadOpenEscalations(db: Queryable) {
  const openComplaints = await db.select().from(complaints).where(ne(complaints.stage, 'closed')).orderBy(desc(complaints.receivedOn));
  const allDissents = await db.select().from(dissents).orderBy(desc(dissents.raisedOn));
  const openConcerns = await db.select().from(practiceConcerns).where(isNull(practiceConcerns.resolvedOn)).orderBy(desc(practiceConcerns.raisedOn));
  return {
    complaints: openComplaints.map((c) => ({ ...c, stageLabel: COMPLAINT_STAGE_LABELS[c.stage as ComplaintStage] })),
    // Which dissent stages are finished is the domain's steps table, so that filter runs here, not in SQL.
    dissents: allDissents.filter((d) => dissentStepsFrom(d.stage as DissentStage).length > 0),
    concerns: openConcerns,
  };
}
