import { clockFromSettings } from '../clock/clock.js';
import { loadSettings, type Settings } from '../config.js';
import type { Database, DatabaseHandle } from '../db/client.js';
import { systemContext, type ActionContext } from '../modules/shared/action-context.js';
import { ValidationError } from '../modules/shared/errors.js';
import { openConfiguredDatabase } from '../runtime.js';

/**
 * What every command's set-up repeated, written once: the settings from the environment, the
 * configured database opened (and closed whatever happens), the clock, the system user's context,
 * refused input as exit code 2, and JSON or text.
 */
export interface CommandSession {
  readonly settings: Settings;
  readonly database: DatabaseHandle;
  readonly db: Database;
  /** The settings' clock read now (CONVENE_NOW when set). */
  now(): Date;
  /** The system user acting now, for an action that records who did it. */
  system(): ActionContext;
}

/**
 * Loads the settings (unless given them), opens the database they name (PostgreSQL or the PGlite
 * data folder), migrates it unless told not to, runs the command's work and closes it whatever
 * happens: a PGlite folder left open keeps its lock, and the next command would be refused.
 */
export async function withCommandDatabase(
  work: (session: CommandSession) => Promise<void>,
  options: { settings?: Settings; migrate?: boolean } = {},
): Promise<void> {
  const settings = options.settings ?? loadSettings();
  const now = () => clockFromSettings(settings)();
  const database = await openConfiguredDatabase(settings);
  try {
    if (options.migrate ?? true) await database.migrate();
    await work({ settings, database, db: database.db, now, system: () => systemContext(now()) });
  } finally {
    await database.close();
  }
}

/** The command cannot go on: says why on stderr and exits 2, the code for a usage or input error. */
export function refuse(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

/** A ValidationError's messages, each `field: message`. */
export function fieldMessages(error: ValidationError, separator: string): string {
  return error.errors.map((e) => `${e.field}: ${e.message}`).join(separator);
}

/**
 * Runs `work`; where an action refuses the input (ValidationError), prints each field's message
 * (one a line unless told otherwise, after `prefix`) and exits 2. Anything else is thrown on.
 */
export async function refusingInvalidInput(work: () => Promise<void>, format: { prefix?: string; separator?: string } = {}): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    refuse(`${format.prefix ?? ''}${fieldMessages(error, format.separator ?? '\n')}`);
  }
}

/** `--json`: the value as one line of JSON; otherwise the lines `text` writes for a person. */
export function printJsonOr<T>(json: boolean | undefined, value: T, text: (value: T) => readonly string[]): void {
  if (json) console.log(JSON.stringify(value));
  else for (const line of text(value)) console.log(line);
}

/** A command worked out without the database: its text on stdout (with `end` after it), or why not on stderr with exit code 2. */
export function writeOutcome(outcome: { readonly stdout: string } | { readonly error: string }, end = ''): void {
  if ('error' in outcome) refuse(outcome.error);
  else process.stdout.write(`${outcome.stdout}${end}`);
}

/** A command's result worked out as text: each stream written where there is something to say, and the exit code set. */
export function printResult(result: { readonly exitCode: number; readonly stdout: string; readonly stderr: string }): void {
  if (result.stdout) console.log(result.stdout);
  if (result.stderr) console.error(result.stderr);
  process.exitCode = result.exitCode;
}
