import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Issue 16: on PostgreSQL most of a page's database time was planning, not running: the plan page's
 * twelve statements took 8.5 ms to plan and 2.3 ms to run (`PROFILE_EXPLAIN=1 npm run
 * load:profile`), the access check alone ~3–7 ms to plan. A statement sent with a name is parsed
 * once per connection and its plan kept by the server (a generic plan once it is as good as the
 * custom ones), so every statement with parameters is given a name made from its text.
 *
 * Bounded: each name holds memory in every connection that used it, so only the first
 * `MAX_NAMED` different texts are named (a program sends a few hundred; texts that differ only in
 * the number of parameters of a long IN list are not named at all); the rest go unnamed as before.
 */
const MAX_NAMED = 2_000;
const MAX_PARAMETERS = 100;
const names = new Map<string, string>();

/** The name a statement is prepared under, or undefined to send it unnamed. */
export function statementName(text: string, parameterCount: number): string | undefined {
  if (parameterCount === 0 || parameterCount > MAX_PARAMETERS) return undefined;
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `c_${createHash('sha1').update(text).digest('base64url')}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };

/** Names the statements a pool's connections send (see above); a config that names itself is left alone. */
export function nameStatementsOf(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === 'object' && !('submit' in config)) {
        const c = config as QueryConfig;
        const values = Array.isArray(rest[0]) ? rest[0] : Array.isArray(c.values) ? c.values : [];
        if (c.name === undefined && typeof c.text === 'string') {
          const name = statementName(c.text, values.length);
          if (name !== undefined) return query({ ...c, name }, ...rest);
        }
      }
      return query(config, ...rest);
    };
  });
}
