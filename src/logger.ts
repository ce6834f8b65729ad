// Structured logs: one JSON object per line (pino), on stdout, at LOG_LEVEL. Every line has
// `level` (a name: "info", "error" …), `time` (ISO 8601), `pid`, `hostname`, `name: "newsgraph"`
// and `msg`; request lines add `requestId` (the x-request-id of the response, and the requestId
// of a masked error). Secrets never reach a line: nothing logs request headers, and these keys
// are redacted wherever a logged object carries them, as a second line of defence.
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";

export type { DestinationStream, Logger };
export type LogLevel = LevelWithSilent;

/** Replaced by "[redacted]" in any logged object (one level of nesting for `*`). */
export const REDACTED_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "password",
  "*.password",
];

export interface LoggerOptions {
  /** Default "info"; "silent" logs nothing. */
  level?: LogLevel;
  /** Where the lines go; default stdout. Tests pass `{ write(line) {…} }` to read them. */
  destination?: DestinationStream;
}

export function createLogger({ level = "info", destination }: LoggerOptions = {}): Logger {
  return pino(
    {
      name: "newsgraph",
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination ?? stdout(),
  );
}

let stdoutDestination: DestinationStream | undefined;

/**
 * Synchronous writes to file descriptor 1, shared by every logger that has no destination of
 * its own: a line is out before process.exit, and many servers in one process (tests) do not
 * open a stream each.
 */
function stdout(): DestinationStream {
  stdoutDestination ??= pino.destination({ fd: 1, sync: true });
  return stdoutDestination;
}
