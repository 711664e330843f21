import type { Queryable } from '../../db/client.js';
import { EMERGENCY_STATUS_LABELS, TEMPORARY_CHANGES } from '../../domain/transfers/other-authority-children.js';
import { formatDate } from '../../domain/deadlines/index.js';
import type { Actor } from '../../policies/roles.js';
import { listEmergencies } from '../transfers/emergency-responsibility.js';
import { listTemporaryResidents } from '../transfers/temporary-residents.js';
import { undatedItem, type WorkItem } from './work-item.js';

/**
 * TR3 on the designated manager's list: each child found here in an emergency whose responsible
 * authority has not yet accepted, confirmed in writing, and taken responsibility (or declined); and
 * each change for a child living here on another authority's plan until the local agencies are told.
 */
export async function otherAuthorityItems(db: Queryable, actor: Actor): Promise<WorkItem[]> {
  const [emergencies, residents] = await Promise.all([listEmergencies(db, actor), listTemporaryResidents(db, actor)]);
  return [
    ...emergencies.filter((e) => e.outstanding).map((e) => undatedItem({
      title: `Emergency action, another authority responsible: ${e.childName}`, detail: `${e.responsibleAuthority}: ${EMERGENCY_STATUS_LABELS[e.status]}`, href: `/transfers/emergency/${e.id}`, childIds: [e.childId],
    }, e.foundOn)),
    ...residents.filter((r) => r.toTell).map((r) => undatedItem({
      title: `Tell local agencies: ${r.childName}`,
      detail: `${TEMPORARY_CHANGES[r.change!.change as keyof typeof TEMPORARY_CHANGES]} on ${formatDate(r.change!.changedOn)} (${r.responsibleAuthority}'s plan)`,
      href: `/plans/${r.planId}/temporary-resident`, childIds: [r.childId],
    }, r.change!.changedOn)),
  ];
}
