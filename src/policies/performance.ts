import type { IndicatorFilter } from '../domain/indicators/records.js';
import { hasRole, type Actor } from './roles.js';

/**
 * Performance indicators (KP1–KP10), their drill-down to the children behind a figure and their
 * CSV export. What a person sees follows their relationship to the work, not their role alone:
 * a service manager and the designated manager (register officer) see the whole authority; a
 * team manager sees the children of their own team; a chair sees the conferences they chaired
 * and the plans those conferences made. Nobody else sees them.
 */
export type PerformanceScope =
  | { kind: 'authority' }
  | { kind: 'team'; teamId: string }
  | { kind: 'chair'; chairId: string };

export function performanceScope(actor: Actor | null): PerformanceScope | null {
  if (hasRole(actor, 'service-manager', 'register-officer')) return { kind: 'authority' };
  if (actor && hasRole(actor, 'team-manager') && actor.teamId) return { kind: 'team', teamId: actor.teamId };
  if (actor && hasRole(actor, 'chair')) return { kind: 'chair', chairId: actor.id };
  return null;
}

export function mayViewPerformance(actor: Actor | null): boolean {
  return performanceScope(actor) !== null;
}

/**
 * The filter to compute with, given what was asked: the request where the scope allows it,
 * narrowed to the person's own team or conferences otherwise; null when the request reaches
 * beyond the scope (another team, another chair), which is refused.
 */
export function performanceFilter(actor: Actor | null, requested: IndicatorFilter): IndicatorFilter | null {
  const scope = performanceScope(actor);
  if (!scope) return null;
  if (scope.kind === 'authority') return requested;
  if (scope.kind === 'team') {
    if (requested.teamId !== undefined && requested.teamId !== scope.teamId) return null;
    return { ...requested, teamId: scope.teamId };
  }
  if (requested.chairId !== undefined && requested.chairId !== scope.chairId) return null;
  return { ...requested, chairId: scope.chairId };
}

/** The census return holds every child's record for the year: the service manager and the designated manager (register officer) make it. */
export function mayExportCensus(actor: Actor | null): boolean {
  return hasRole(actor, 'service-manager', 'register-officer');
}
