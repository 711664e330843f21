import type { Command } from 'commander';
import { describeParameter } from '../../domain/packs/index.js';
import type { TsParameter } from '../../domain/packs/types.js';
import { isPackId, PACK_IDS, type PackId } from '../../domain/packs/pack-id.js';
import { RULES, rulesForPack, toJson, type RuleEntry } from '../../domain/rules/registry.js';
import { writeOutcome } from '../run-command.js';

export interface RulesArgs {
  json?: boolean;
  pack?: string;
}

export type RulesResult = { stdout: string } | { error: string };

/**
 * `convene rules [--json] [--pack <pack>]`.
 * With --pack, only the rules that apply in that pack are listed, and each shows that pack's
 * parameter alone (JSON: `parameters: { <pack>: … }`; table: an extra "parameter" column).
 */
export function runRules(args: RulesArgs): RulesResult {
  let pack: PackId | undefined;
  if (args.pack !== undefined) {
    if (!isPackId(args.pack)) {
      return { error: `Unknown pack "${args.pack}". Known packs: ${PACK_IDS.join(', ')}.` };
    }
    pack = args.pack;
  }
  if (args.json) return { stdout: `${JSON.stringify(toJson(pack), null, 2)}\n` };
  const rules = pack === undefined ? RULES : rulesForPack(pack);
  return { stdout: table(rules, pack) };
}

function table(rules: readonly RuleEntry[], pack: PackId | undefined): string {
  const header = ['id', 'kind', 'status', 'title'];
  if (pack !== undefined) header.push(`parameter (${pack})`);
  const rows = rules.map((rule) => {
    const row = [rule.id, rule.kind, rule.status, rule.title];
    if (pack !== undefined) row.push(parameterText(rule, pack));
    return row;
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  const summary = `${rules.length} rules`;
  return [line(header), ...rows.map(line), '', summary, ''].join('\n');
}

function parameterText(rule: RuleEntry, pack: PackId): string {
  const parameter = rule.parameters[pack];
  if (parameter === null || parameter === undefined) return '–';
  // TS parameters come from the packs and have a wording of their own; the rest are small objects.
  if (rule.area === 'TS') return describeParameter(parameter as TsParameter);
  return JSON.stringify(parameter);
}

export function register(program: Command): void {
  program
    .command('rules')
    .description('List the rule registry: every rule of the procedures, its kind, status and parameters')
    .option('--json', 'print the entries as JSON')
    .option('--pack <pack>', `only the rules of one policy pack (${PACK_IDS.join(', ')})`)
    .action((options: RulesArgs) => {
      writeOutcome(runRules(options));
    });
}
