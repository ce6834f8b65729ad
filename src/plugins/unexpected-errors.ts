// Unexpected failures (anything that is not a GraphQLError: a bug, a database outage) reach the
// client masked, with the request id, and the log gets the real error under the same id, so a
// user's report can be matched to its cause without leaking internals:
// - the database unreachable or gone (src/db/errors.ts isDatabaseUnavailable): "The database is
//   unavailable; try again shortly." with code DATABASE_UNAVAILABLE, logged as a warning with the
//   one-sentence reason (an outage makes many of them, and the stack says nothing);
// - anything else: "Unexpected error." with code INTERNAL_SERVER_ERROR, logged as an error with
//   the stack.
// Both while resolving fields and while building the context (the API key lookup): either way
// the answer is a GraphQL error with HTTP 200, never a hang or a bare 500.
import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { describeConnectionError, isDatabaseUnavailable } from "../db/errors.ts";
import { createLogger, type Logger } from "../logger.ts";
import { requestIdOf } from "./observability.ts";

export type UnexpectedErrorCode = "DATABASE_UNAVAILABLE" | "INTERNAL_SERVER_ERROR";

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly.";
export const UNEXPECTED_ERROR_MESSAGE = "Unexpected error.";

export interface UnexpectedErrorLog {
  requestId: string;
  path: readonly (string | number)[] | undefined;
  error: unknown;
  code: UnexpectedErrorCode;
}

/** Where masked errors are logged: a pino logger, or a function (tests). */
export type UnexpectedErrorSink = Logger | ((entry: UnexpectedErrorLog) => void);

let fallbackLogger: Logger | undefined;

function defaultLogger(): Logger {
  fallbackLogger ??= createLogger();
  return fallbackLogger;
}

export function useUnexpectedErrors(
  sink: UnexpectedErrorSink = defaultLogger(),
): Plugin<{ requestId?: string }> {
  const log = typeof sink === "function" ? sink : toLogger(sink);
  const mask = (
    error: unknown,
    requestId: string,
    path: readonly (string | number)[] | undefined,
    nodes?: GraphQLError["nodes"],
  ): GraphQLError => {
    const code = isDatabaseUnavailable(error) ? "DATABASE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR";
    log({ requestId, path, error, code });
    const message =
      code === "DATABASE_UNAVAILABLE" ? DATABASE_UNAVAILABLE_MESSAGE : UNEXPECTED_ERROR_MESSAGE;
    return new GraphQLError(message, { nodes, path, extensions: { code, requestId } });
  };
  return {
    onPluginInit({ registerContextErrorHandler }) {
      // The context factory failed (the API key lookup, with the database away): Yoga would
      // answer a bare 500 "Unexpected error." without the request id.
      registerContextErrorHandler(({ context, error, setError }) => {
        if (error instanceof GraphQLError) return;
        const request = (context as { request?: Request }).request;
        setError(mask(error, request ? requestIdOf(request) : "unknown", undefined));
      });
    },
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
            return mask(cause, requestId, error.path, error.nodes);
          });
          if (masked) setResult({ ...result, errors });
        },
      };
    },
  };
}

function toLogger(logger: Logger): (entry: UnexpectedErrorLog) => void {
  return ({ requestId, path, error, code }) => {
    if (code === "DATABASE_UNAVAILABLE") {
      logger.warn(
        { requestId, path, code, reason: describeConnectionError(error) },
        "database unavailable",
      );
    } else {
      logger.error({ requestId, path, code, err: error }, "unexpected error");
    }
  };
}
