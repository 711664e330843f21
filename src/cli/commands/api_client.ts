import type { Command } from 'commander';
import { loadSettings } from '../../config.js';
import { createApiClient, listApiClients, revokeApiClient } from '../../modules/api-clients/api-clients.js';
import { printJsonOr, refuse, refusingInvalidInput, withCommandDatabase } from '../run-command.js';

/**
 * A key's own limit above its agency's shared one can never be reached: the agency's refuses first.
 * Said at creation so the administrator is not surprised by 429s at the lower figure.
 */
export function agencyLimitWarning(perMinute: number, agencyPerMinute: number): string | null {
  if (perMinute <= agencyPerMinute) return null;
  return `Note: this key may make ${perMinute} requests a minute, but its agency shares ${agencyPerMinute} a minute across all its keys (CONVENE_API_AGENCY_PER_MINUTE), so it will be refused above ${agencyPerMinute}.`;
}

/** `bin/convene api-client`: the keys partner systems use for the enquiry API (RG2). */
export function register(program: Command): void {
  const command = program.command('api-client').description('keys for police and health systems calling the enquiry API (/api/v1/openapi.json)');
  command
    .command('create')
    .description('create an agency key (shown once) tied to its recognised call-back number')
    .requiredOption('--agency <name>', 'the agency and system, e.g. "Demoshire Police control room"')
    .requiredOption('--phone <number>', 'the agency’s call-back number (added to the recognised callers if new)')
    .option('--per-minute <n>', 'requests a minute this key may make', '60')
    .action(async (options: { agency: string; phone: string; perMinute: string }) => {
      await withCommandDatabase(async ({ db, now }) => {
        await refusingInvalidInput(async () => {
          const { id, key } = await createApiClient(db, { agency: options.agency, phone: options.phone, perMinute: Number(options.perMinute) }, now());
          console.log(`Created ${id}. The key, shown this once — give it to the agency by a secure route:\n${key}`);
          const warning = agencyLimitWarning(Number(options.perMinute), loadSettings().apiAgencyPerMinute);
          if (warning) console.error(warning);
        });
      });
    });
  command
    .command('list')
    .description('the agency keys, by prefix (never the secret)')
    .option('--json', 'as JSON')
    .action(async (options: { json?: boolean }) => {
      await withCommandDatabase(async ({ db }) => {
        printJsonOr(options.json, await listApiClients(db), (rows) => rows.map((r) => `${r.id}  cvn_${r.keyPrefix}_…  ${r.active ? 'active ' : 'revoked'}  ${r.perMinute}/min  ${r.agency}`));
      });
    });
  command
    .command('revoke <id>')
    .description('revoke an agency key at once')
    .action(async (id: string) => {
      await withCommandDatabase(async ({ db, now }) => {
        if (!(await revokeApiClient(db, id, now()))) refuse('No key has that id.');
      });
    });
}
