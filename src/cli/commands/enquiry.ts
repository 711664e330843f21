import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadSettings } from '../../config.js';
import { clockFromSettings } from '../../clock/clock.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import type { Queryable } from '../../db/client.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { findCandidates, parseEnquiryQuery, type Candidate } from '../../modules/enquiry/search-people.js';
import { systemContext } from '../../modules/shared/action-context.js';
import { ValidationError } from '../../modules/shared/errors.js';
import { fieldMessages, printJsonOr, refuse, withCommandDatabase } from '../run-command.js';

interface Answer {
  candidates: { personId: string; score: number; strength: string; reasons: string[] }[];
}

const MAX_LINE = 100_000;

function answerOf(candidates: Candidate[]): Answer {
  return { candidates: candidates.map((c) => ({ personId: c.externalRef ?? c.id, score: c.match.score, strength: c.match.strength, reasons: c.match.reasons })) };
}

/** One enquiry from the command line: checked, answered from the index, and audited with who was shown. */
async function answer(db: Queryable, input: unknown, now: Date): Promise<Answer> {
  const query = parseEnquiryQuery(input, londonIsoDate(now));
  const candidates = await findCandidates(db, query);
  await recordAudit(db, systemContext(now), {
    action: 'enquiry-answered',
    reason: 'command line',
    details: { query, shown: candidates.map((c) => ({ id: c.id, score: c.match.score, strength: c.match.strength })) },
  });
  return answerOf(candidates);
}

function describeProblem(error: unknown): string {
  if (error instanceof ValidationError) return fieldMessages(error, '; ');
  return error instanceof Error ? error.message : String(error);
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** "Anna Maria Kowalska" → given "Anna Maria", family "Kowalska": a one-word name is taken as the family name. */
export function parentOf(fullName: string): { given: string; family: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const family = words.pop() ?? '';
  return { given: words.join(' '), family };
}

export function register(program: Command): void {
  program
    .command('enquiry')
    .description('find a child as the enquiry service does: at most 10 ranked candidates with strength and reasons')
    .option('--given <names>', 'given name(s)')
    .option('--family <name>', 'family name')
    .option('--dob <date>', 'date of birth, YYYY-MM-DD')
    .option('--postcode <postcode>', 'postcode (present or past)')
    .option('--parent <name>', 'a parent\'s full name, family name last ("Anna Kowalska"); give it twice for both parents', collect, [])
    .option('--batch <file>', 'a JSON-lines file of queries {"given","family","dob"?,"postcode"?,"parents"?:[{"given","family"}]}: one answer a line, in order')
    .option('--json', 'print JSON: {"candidates":[{"personId","score","strength","reasons"}]}')
    .action(async (options: { given?: string; family?: string; dob?: string; postcode?: string; parent: string[]; batch?: string; json?: boolean }) => {
      if (options.batch && (options.given || options.family || options.dob || options.postcode || options.parent.length)) {
        refuse('Give either --batch FILE or --given/--family/--dob/--postcode/--parent, not both.');
        return;
      }
      if (options.batch && !fs.existsSync(options.batch)) {
        refuse(`No such file: ${options.batch}`);
        return;
      }
      const settings = loadSettings();
      const now = clockFromSettings(settings)();
      const single = { given: options.given ?? '', family: options.family ?? '', dob: options.dob ?? '', postcode: options.postcode ?? '', parents: options.parent.map(parentOf) };
      if (!options.batch) {
        // Checked before the database is opened: a refused search costs nothing.
        try {
          parseEnquiryQuery(single, londonIsoDate(now));
        } catch (error) {
          refuse(`Cannot search: ${describeProblem(error)}`);
          return;
        }
      }
      await withCommandDatabase(async ({ db }) => {
        if (!options.batch) {
          printJsonOr(options.json, await answer(db, single, now), ({ candidates }) =>
            candidates.length ? candidates.map((c) => `${c.personId}\t${c.score}\t${c.strength}\t${c.reasons.join('; ')}`) : ['No candidates.'],
          );
          return;
        }
        const lines = readline.createInterface({ input: fs.createReadStream(options.batch, { encoding: 'utf8' }), crlfDelay: Infinity });
        let lineNumber = 0;
        let problems = 0;
        for await (const line of lines) {
          lineNumber++;
          if (!line.trim()) continue;
          let out: Answer & { error?: string };
          try {
            if (line.length > MAX_LINE) throw new Error(`the line is longer than ${MAX_LINE} characters`);
            let parsed: unknown;
            try {
              parsed = JSON.parse(line);
            } catch {
              throw new Error('the line is not JSON');
            }
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the line must be a JSON object');
            out = await answer(db, parsed, now);
          } catch (error) {
            problems++;
            const message = describeProblem(error);
            console.error(`line ${lineNumber}: ${message}`);
            out = { candidates: [], error: message };
          }
          process.stdout.write(`${JSON.stringify(out)}\n`);
        }
        if (problems) console.error(`${problems} line${problems === 1 ? '' : 's'} could not be answered (an error answer was written for each).`);
      }, { settings });
    });
}
