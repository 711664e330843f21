import { PACK_IDS, type PackId } from '../packs/pack-id.js';

/** The areas of RULES.md, in the order the catalogue lists them. */
export const RULE_AREAS = {
  FD: 'Front door',
  TS: 'Statutory timescales',
  CV: 'Convening and booking',
  IN: 'Invitations and participation',
  RP: 'Reports and information',
  EX: 'Exclusion and confidentiality',
  CF: 'Conduct of the conference',
  DC: 'Decisions',
  PL: 'The plan',
  CG: 'Core group and visits',
  RV: 'Review conferences',
  EN: 'Ending a plan',
  TR: 'Moves between authorities',
  UB: 'Unborn children',
  RC: 'Records and distribution',
  RG: 'The register and enquiries',
  CO: 'Complaints, dissent and escalation',
  KP: 'Performance indicators',
} as const;

export type RuleArea = keyof typeof RULE_AREAS;

/**
 * enforced: the product blocks or computes it (deadlines, validations);
 * prompted: shown as a checklist item, prompt or warning (a matter of judgement);
 * recorded: captured as a field; indicator: a performance indicator (KP).
 */
export type RuleKind = 'enforced' | 'prompted' | 'recorded' | 'indicator';

export type RuleStatus = 'implemented' | 'planned';

export interface RuleEntry {
  id: string;
  title: string;
  summary: string;
  area: RuleArea;
  areaTitle: string;
  kind: RuleKind;
  status: RuleStatus;
  /** Per pack; null where the pack is silent (and national is too) or the rule does not apply. */
  parameters: Record<PackId, unknown | null>;
  /**
   * The packs the rule applies in. Needed because a null parameter is ambiguous: most rules
   * apply everywhere with nothing pack-specific, while a few exist in one pack only.
   */
  appliesTo: readonly PackId[];
  /** Citations by procedure file and section. */
  sources: string[];
  /** '<test file from repo root>::<test name>'; see test-reference.ts for the accepted name forms. */
  tests: string[];
  /** For a prompted or recorded rule: why a person must judge it, and what the system does meanwhile (judgements.ts). */
  judgement: string | null;
}

/** What an area file writes: everything except what the area and the defaults give. */
export interface RuleDraft {
  id: string;
  title: string;
  summary: string;
  kind: RuleKind;
  sources: string[];
  /** Pack differences RULES.md states; a pack left out inherits `national` (RULES.md, Packs). */
  parameters?: Partial<Record<PackId, unknown>>;
  /** Defaults to every pack. */
  appliesTo?: readonly PackId[];
  status?: RuleStatus;
  tests?: string[];
  judgement?: string;
}

/** Fills every pack: a silent pack inherits national; a pack the rule does not apply in gets null. */
export function perPack(
  stated: Partial<Record<PackId, unknown>> | undefined,
  appliesTo: readonly PackId[] = PACK_IDS,
): Record<PackId, unknown | null> {
  const national = stated?.national ?? null;
  const filled = {} as Record<PackId, unknown | null>;
  for (const pack of PACK_IDS) {
    filled[pack] = appliesTo.includes(pack) ? (stated?.[pack] ?? national) : null;
  }
  return filled;
}

export function defineArea(area: RuleArea, drafts: readonly RuleDraft[]): RuleEntry[] {
  return drafts.map((draft) => {
    if (!draft.id.startsWith(area)) {
      throw new Error(`Rule ${draft.id} filed under area ${area}`);
    }
    const appliesTo = draft.appliesTo ?? PACK_IDS;
    return {
      id: draft.id,
      title: draft.title,
      summary: draft.summary,
      area,
      areaTitle: RULE_AREAS[area],
      kind: draft.kind,
      status: draft.status ?? 'planned',
      parameters: perPack(draft.parameters, appliesTo),
      appliesTo,
      sources: draft.sources,
      tests: draft.tests ?? [],
      judgement: draft.judgement ?? null,
    };
  });
}
