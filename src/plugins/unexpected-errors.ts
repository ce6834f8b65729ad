// Unexpected failures (anything that is not a GraphQLError: a bug, a database outage) reach the
// client as "Unexpected error." with the request id, and the log gets the real error under the
// same id, so a user's report can be matched to its cause without leaking internals.
import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";

export interface UnexpectedErrorLog {
  requestId: string;
  path: readonly (string | number)[] | undefined;
  error: unknown;
}

export function useUnexpectedErrors(
  log: (entry: UnexpectedErrorLog) => void = defaultLog,
): Plugin<{ requestId?: string }> {
  return {
    onExecute({ args }) {
      const requestId = args.contextValue.requestId ?? "unknown";
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.length) return;
          let masked = false;
          const errors = result.errors.map((error) => {
            const cause = error.originalError;
            if (cause === undefined || cause === null || cause instanceof GraphQLError)
              return error;
            masked = true;
            log({ requestId, path: error.path, error: cause });
            return new GraphQLError("Unexpected error.", {
              nodes: error.nodes,
              path: error.path,
              extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
            });
          });
          if (masked) setResult({ ...result, errors });
        },
      };
    },
  };
}

function defaultLog({ requestId, path, error }: UnexpectedErrorLog): void {
  const err =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : { error };
  console.error(JSON.stringify({ level: "error", msg: "unexpected error", requestId, path, err }));
}
