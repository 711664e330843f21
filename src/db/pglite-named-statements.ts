import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { statementName } from './named-statements.js';

/** PostgreSQL's code for "cached plan must not change result type" (feature not supported). */
const STALE_PLAN = '0A000';

/**
 * Issue 16 and 18: on PGlite a statement with parameters was planned again every time it ran —
 * PGlite sends each as an unnamed statement, in six calls into the engine (parse, describe, bind,
 * describe, execute, sync). For a three-table join with two parameters that was 0.67–0.89 ms of
 * CPU; the same statement prepared once under a name and then bound and run in one call, 0.10 ms
 * (a micro-benchmark on in-memory PGlite, in the issue 16 note). Most of an embedded page's
 * database time, and of the year simulator's, was planning.
 *
 * So, as on PostgreSQL (`named-statements.ts`), a statement with parameters is prepared once per
 * database under a name made from its text — PostgreSQL keeps its plan, generic once that is as
 * good as planning for the values — and each run is one call: bind, describe, execute, sync.
 * A statement without parameters is sent in one call too, unnamed. Results are parsed by PGlite's
 * own `parseResults`, and values serialised by its own serialisers from the parameter types the
 * server described, so rows and errors are what `query` returns. A query with a blob or its own
 * parameter types, or beyond what `statementName` names, goes through PGlite's `query` unchanged.
 */
export function nameStatementsOfPglite(client: PGlite): void {
  const prepared = new Map<string, number[]>();
  const plainQuery = client.query.bind(client);
  const plainTransaction = client.transaction.bind(client);

  const run = async <T>(name: string, query: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<T>> =>
    await client._runExclusiveQuery(async () => {
      let types = prepared.get(name);
      if (!types) {
        try {
          const described = await exchange(client, [protocol.serialize.parse({ name, text: query }), protocol.serialize.describe({ type: 'S', name })], query, params, options);
          types = parse.parseDescribeStatementResults(described);
        } catch (error) {
          // Nothing half-prepared is left behind to make the next parse fail as a duplicate.
          await forget(client, name);
          throw error;
        }
        prepared.set(name, types);
      }
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = options?.serializers?.[types[i]!] ?? client.serializers[types[i]!];
        return serialize ? serialize(value) : String(value);
      });
      const execute = [protocol.serialize.bind({ statement: name, values }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute({})];
      let messages;
      try {
        messages = await exchange(client, execute, query, params, options);
      } catch (error) {
        // A kept plan whose tables changed shape since (a migration, a test's ALTER) cannot be
        // used again: drop the name, and the next run prepares the statement afresh.
        if ((error as { code?: string }).code === STALE_PLAN) {
          prepared.delete(name);
          await forget(client, name);
        }
        throw error;
      }
      // As PGlite's own query: a statement outside a transaction is written through at once.
      if (!inTransaction) await client.syncToFs();
      return parse.parseResults(messages, ...parsersFor(client, options))[0] as Results<T>;
    });

  /**
   * A statement without parameters is planned each time as before (its text may hold values, and
   * names are bounded), but sent in one call, and read without PGlite's copy of its parsers.
   */
  const runUnnamed = async <T>(query: string, options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<T>> =>
    await client._runExclusiveQuery(async () => {
      const messages = await exchange(
        client,
        [protocol.serialize.parse({ text: query }), protocol.serialize.bind({ values: [] }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute({})],
        query, [], options,
      );
      if (!inTransaction) await client.syncToFs();
      return parse.parseResults(messages, ...parsersFor(client, options))[0] as Results<T>;
    });
  const unnamed = (params: unknown[] | undefined, options: QueryOptions | undefined) => !params?.length && !options?.blob && !options?.paramTypes;

  /** The name to prepare the statement under, or undefined to leave it to PGlite's `query`. */
  const nameOf = (query: string, params: unknown[] | undefined, options: QueryOptions | undefined) =>
    params === undefined || options?.blob || options?.paramTypes ? undefined : statementName(query, params.length);

  client.query = (async <T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    const name = nameOf(query, params, options);
    if (name === undefined && unnamed(params, options)) {
      await client.waitReady;
      return await client._runExclusiveTransaction(() => runUnnamed<T>(query, options, false));
    }
    if (name === undefined) return await plainQuery<T>(query, params, options);
    await client.waitReady;
    return await client._runExclusiveTransaction(async () => {
      try {
        return await run<T>(name, query, params!, options, false);
      } catch (error) {
        // Outside a transaction a statement whose kept plan went stale (below) simply runs again, prepared afresh.
        if ((error as { code?: string }).code === STALE_PLAN) return await run<T>(name, query, params!, options, false);
        throw error;
      }
    });
  }) as PGlite['query'];

  client.transaction = (async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> =>
    await plainTransaction((tx) => {
      // The transaction's own `query`, named as above; its other members (exec, rollback, closed) are PGlite's.
      const namedTx = Object.create(tx, {
        query: {
          value: async <R>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<R>> => {
            if (tx.closed) throw new Error('Transaction is closed');
            const name = nameOf(query, params, options);
            if (name === undefined && unnamed(params, options)) return await runUnnamed<R>(query, options, true);
            if (name === undefined) return await tx.query<R>(query, params, options);
            return await run<R>(name, query, params!, options, true);
          },
        },
      }) as Transaction;
      return work(namedTx);
    })) as PGlite['transaction'];
}

/**
 * The parsers to read a result with. PGlite merges a query's own parsers into its ~320 defaults by
 * copying them all, on every query: ~0.6 ms each time (drizzle passes its own for dates), 6.7% of
 * the simulator's CPU. The query's parsers laid over the defaults as a prototype answer the same.
 */
type Parsers = Parameters<typeof parse.parseResults>[1];
function parsersFor(client: PGlite, options: QueryOptions | undefined): [Parsers, QueryOptions | undefined] {
  if (!options?.parsers) return [client.parsers, options];
  const { parsers, ...rest } = options;
  return [Object.assign(Object.create(client.parsers) as Parsers, parsers), rest];
}

/** Drops a prepared statement if it is there (closing one that is not is no error). */
async function forget(client: PGlite, name: string): Promise<void> {
  await client.execProtocolStream(concat([protocol.serialize.close({ type: 'S', name }), protocol.serialize.sync()]), { syncToFs: false }).catch(() => undefined);
}

function concat(messages: Uint8Array[]): Uint8Array {
  const buffer = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let at = 0;
  for (const m of messages) {
    buffer.set(m, at);
    at += m.length;
  }
  return buffer;
}

/**
 * Sends the messages and a sync in one call and returns what came back; a database error is thrown
 * with the statement and its parameters, as PGlite's `query` throws it.
 */
async function exchange(client: PGlite, messages: Uint8Array[], query: string, params: unknown[], options: QueryOptions | undefined) {
  try {
    return await client.execProtocolStream(concat([...messages, protocol.serialize.sync()]), { syncToFs: false, ...(options?.onNotice ? { onNotice: options.onNotice } : {}) });
  } catch (error) {
    throw Object.assign(error as Error, { query, params, queryOptions: options });
  }
}
