import { Command } from 'commander';
import { afterEach, expect, vi } from 'vitest';

/** What a command wrote to stdout and stderr, and the exit code it set. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: typeof process.exitCode;
}

/** Each test of a command through commander leaves the process as it found it: the real streams, no exit code. */
export function restoreProcessAfterEach(): void {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
}

/**
 * Runs argv through a fresh `convene` program carrying `register`'s commands, as the CLI would, and
 * catches what it (and commander) writes. A usage error throws (exitOverride) rather than exiting.
 */
export async function runCommand(register: (program: Command) => void, argv: string[]): Promise<CommandOutput> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command('convene').exitOverride();
  program.configureOutput({ writeOut: (s) => { stdout += s; }, writeErr: (s) => { stderr += s; } });
  register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr, exitCode: process.exitCode };
}

/** A command's refusal: one line (no newline inside it) that says `words`. */
export function expectOneLineSaying(message: string, words: string | RegExp): void {
  if (typeof words === 'string') expect(message).toContain(words);
  else expect(message).toMatch(words);
  expect(message).not.toContain('\n');
}
