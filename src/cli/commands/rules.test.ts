import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { RULES, rulesForPack } from '../../domain/rules/registry.js';
import { register, runRules } from './rules.js';
import { restoreProcessAfterEach } from './command-output.test-support.js';

function stdoutOf(result: ReturnType<typeof runRules>): string {
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result.stdout;
}

describe('runRules', () => {
  it('--json prints every entry', () => {
    const entries = JSON.parse(stdoutOf(runRules({ json: true }))) as { id: string; parameters: object }[];
    expect(entries.map((entry) => entry.id)).toEqual(RULES.map((rule) => rule.id));
    expect(Object.keys(entries[0]?.parameters ?? {})).toHaveLength(6);
  });

  it('--json --pack keeps the pack\'s rules and only its parameter', () => {
    const entries = JSON.parse(stdoutOf(runRules({ json: true, pack: 'newcastle' }))) as {
      id: string;
      parameters: Record<string, unknown>;
    }[];
    expect(entries.map((entry) => entry.id)).toEqual(rulesForPack('newcastle').map((rule) => rule.id));
    expect(entries.map((entry) => entry.id)).toContain('TS7');
    expect(entries.map((entry) => entry.id)).not.toContain('CF2');
    for (const entry of entries) expect(Object.keys(entry.parameters)).toEqual(['newcastle']);
  });

  it('prints a table with id, kind, status and title by default', () => {
    const lines = stdoutOf(runRules({})).split('\n');
    expect(lines[0]).toMatch(/^id\s+kind\s+status\s+title$/);
    const fd2 = lines.find((line) => line.startsWith('FD2 '));
    expect(fd2).toMatch(/^FD2\s+enforced\s+implemented\s+Initial assessment within 10 working days$/);
    expect(lines).toContain(`${RULES.length} rules`);
  });

  it('adds the pack\'s parameter column with --pack', () => {
    const lines = stdoutOf(runRules({ pack: 'hertfordshire' })).split('\n');
    expect(lines[0]).toContain('parameter (hertfordshire)');
    expect(lines.find((line) => line.startsWith('DC4 '))).toContain('"categoriesPerChild":"one"');
    expect(lines.some((line) => line.startsWith('EN3 '))).toBe(false);
  });

  it('rejects an unknown pack with a one-line error', () => {
    const result = runRules({ json: true, pack: 'yorkshire' });
    expect(result).toHaveProperty('error');
    if ('error' in result) {
      expect(result.error).toContain('yorkshire');
      expect(result.error).not.toContain('\n');
    }
  });
});

describe('convene rules (commander)', () => {
  restoreProcessAfterEach();

  it('exits with code 2 and writes to stderr for an unknown pack', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['rules', '--pack', 'nowhere'], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/^Unknown pack "nowhere"\..*\n$/);
    expect(stdout).not.toHaveBeenCalled();
  });

  it('prints JSON through the command', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['rules', '--json'], { from: 'user' });
    const printed = JSON.parse(String(stdout.mock.calls[0]?.[0])) as unknown[];
    expect(printed).toHaveLength(RULES.length);
  });
});
