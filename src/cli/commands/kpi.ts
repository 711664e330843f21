import type { Command } from 'commander';
import { eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { teams } from '../../db/schema/index.js';
import { customPeriod, PeriodError } from '../../domain/indicators/period.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { indicatorFigures, indicatorReport } from '../../modules/indicators/indicator-report.js';
import { systemContext } from '../../modules/shared/action-context.js';
import { printResult, withCommandDatabase } from '../run-command.js';

export interface KpiOptions {
  from?: string;
  to?: string;
  team?: string;
  json?: boolean;
}

export interface KpiResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `bin/convene kpi`: every indicator for a window, optionally for one team (by name or id). Audited as an export. */
export async function runKpi(db: Queryable, options: KpiOptions, pack: PackId, now: Date): Promise<KpiResult> {
  if (!options.from || !options.to) return { exitCode: 2, stdout: '', stderr: 'Give the window with --from YYYY-MM-DD --to YYYY-MM-DD.' };
  let period;
  try {
    period = customPeriod(options.from, options.to);
  } catch (error) {
    if (error instanceof PeriodError) return { exitCode: 2, stdout: '', stderr: error.message };
    throw error;
  }
  let teamId: string | undefined;
  if (options.team) {
    const wanted = options.team;
    const rows = await db
      .select({ id: teams.id })
      .from(teams)
      .where(UUID.test(wanted) ? or(eq(teams.id, wanted), sql`lower(${teams.name}) = lower(${wanted})`) : sql`lower(${teams.name}) = lower(${wanted})`);
    if (rows.length !== 1) return { exitCode: 2, stdout: '', stderr: `No team called “${wanted}”.` };
    teamId = rows[0]!.id;
  }
  const report = await indicatorReport(db, { period, filter: teamId ? { teamId } : {}, pack, today: londonDateOf(now).toString() });
  const figures = indicatorFigures(report);
  await recordAudit(db, systemContext(now), {
    action: 'performance-exported', recordType: 'performance-indicators',
    details: { format: options.json ? 'json' : 'text', from: period.from, to: period.to, teamId: teamId ?? null, via: 'bin/convene kpi' },
  });
  if (options.json) return { exitCode: 0, stdout: JSON.stringify(figures, null, 2), stderr: '' };
  const lines = [`Performance indicators ${period.from} to ${period.to}${teamId ? ` (team ${options.team})` : ''}`];
  if (figures.message) lines.push(figures.message);
  for (const i of figures.indicators) {
    lines.push('', `${i.id} ${i.title}`);
    for (const m of i.measures) {
      lines.push(`  ${m.title} (${m.rule}): ${m.percent === null ? 'none counted' : `${m.percent}%`} — ${m.numerator} ${m.numeratorLabel} of ${m.denominator} ${m.denominatorLabel}${m.note ? `; ${m.note}` : ''}`);
    }
  }
  const t = figures.icpcTimeliness;
  lines.push('', `ICPC timeliness (working days from S47ActualStartDate to DateOfInitialCPC): ${t.count} children, ${t.within15Percent ?? '–'}% within 15, median ${t.medianWorkingDays ?? '–'}`);
  lines.push(`  ${t.bands.map((b) => `${b.key}: ${b.count}`).join(', ')}`);
  lines.push(`  England: ${t.national.map((n) => `${n.year} ${n.within15Percent}% of ${n.icpcs.toLocaleString('en-GB')} within 15, median ${n.medianWorkingDays}`).join('; ')}`);
  return { exitCode: 0, stdout: lines.join('\n'), stderr: '' };
}

export function register(program: Command): void {
  program
    .command('kpi')
    .description('performance indicators KP1–KP10 for a window, as text or JSON (audited)')
    .option('--from <date>', 'first day of the window, YYYY-MM-DD')
    .option('--to <date>', 'last day of the window, YYYY-MM-DD')
    .option('--team <team>', 'one team, by name or id')
    .option('--json', 'print every indicator as JSON')
    .action(async (options: KpiOptions) => {
      await withCommandDatabase(async ({ db, settings, now }) => {
        const result = await runKpi(db, options, settings.pack, now());
        printResult(result);
      });
    });
}
