// GRAPHQL_SQL_TRACE=1: every response carries extensions.sql = { statements, ms }, the SQL
// statements Prisma sent for that request alone and the milliseconds spent in them.
//
// The execution runs inside its own trace (an AsyncLocalStorage store, src/db/sql-trace.ts);
// resolvers, and the Prisma queries they await, inherit it, and the traced driver adapter adds
// each statement to the trace of the context that issues it. Concurrent requests each have
// their own store, so their counts never mix (Prisma's findUnique batcher, which would send one
// request's query from another's context, is kept per trace: traceSqlBatches).
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { type SqlTrace, sqlTraceSummary, withSqlTrace } from "../db/sql-trace.ts";

export function useSqlTrace(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      let trace: SqlTrace | undefined;
      setExecuteFn((args) => {
        const traced = withSqlTrace(() => executeFn(args));
        trace = traced.trace;
        return traced.result;
      });
      return {
        onExecuteDone({ result, setResult }) {
          // Incremental delivery (defer/stream) is not enabled; a stream would pass unchanged.
          if (trace === undefined || isAsyncIterable(result)) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, sql: sqlTraceSummary(trace) },
          });
        },
      };
    },
  };
}
