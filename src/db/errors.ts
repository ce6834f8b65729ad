import { DatabaseConfigError } from "./config.ts";
import { DataDirInUseError } from "./data-dir-lock.ts";

type Cause = {
  kind?: unknown;
  host?: unknown;
  port?: unknown;
  db?: unknown;
  user?: unknown;
  originalMessage?: unknown;
};

const FIX_URL = "check DATABASE_URL";

/**
 * One sentence for why the database could not be used, whichever layer noticed: the pg
 * driver, a driver adapter, Prisma Client or the schema engine. Meant for logs and CLI
 * output, where a stack trace hides the one thing to fix.
 */
export function describeConnectionError(error: unknown): string {
  if (error instanceof DatabaseConfigError || error instanceof DataDirInUseError)
    return error.message;
  const adapterCause = driverAdapterCause(error);
  if (adapterCause !== undefined) {
    const sentence = fromAdapterCause(adapterCause);
    if (sentence !== undefined) return sentence;
  }
  const node = fromNodeError(error);
  if (node !== undefined) return node;
  const message = error instanceof Error ? error.message : String(error);
  return (
    fromEngineMessage(message) ??
    fromDriverMessage(message) ??
    `Database error: ${reasonLine(message)}`
  );
}

/** pg and pg-pool say these in plain Errors (no code); PostgreSQL itself while it stops or starts. */
function fromDriverMessage(message: string): string | undefined {
  // pg.Client's own connect timeout says "timeout expired"; pg-pool's, the second.
  if (/connection timeout|timeout expired|timeout exceeded when trying to connect/i.test(message)) {
    return unreachable(undefined, "no answer within the connect timeout");
  }
  const state = /the database system is (shutting down|starting up|in recovery mode)/i.exec(
    message,
  );
  if (state) return `The database server is ${state[1]}: retry shortly.`;
  if (/terminating connection due to administrator command/i.test(message)) {
    return "The database server ended the connection (shutting down or restarting): retry shortly.";
  }
  if (/Connection terminated|not queryable/i.test(message)) {
    return "The connection to the database server was lost: check that it is up and reachable.";
  }
  return undefined;
}

/** Adapters throw DriverAdapterError; Prisma Client wraps it in meta.driverAdapterError. */
function driverAdapterCause(error: unknown): Cause | undefined {
  const candidates = [
    error,
    (error as { meta?: { driverAdapterError?: unknown } })?.meta?.driverAdapterError,
  ];
  for (const candidate of candidates) {
    if (candidate instanceof Error && candidate.name === "DriverAdapterError") {
      const cause = (candidate as { cause?: unknown }).cause;
      if (typeof cause === "object" && cause !== null) return cause as Cause;
    }
  }
  return undefined;
}

function fromAdapterCause(cause: Cause): string | undefined {
  const detail = typeof cause.originalMessage === "string" ? ` (${cause.originalMessage})` : "";
  switch (cause.kind) {
    case "DatabaseNotReachable":
      return unreachable(hostPort(cause.host, cause.port));
    case "DatabaseDoesNotExist":
      return missingDatabase(typeof cause.db === "string" ? cause.db : undefined);
    case "DatabaseAccessDenied":
    case "AuthenticationFailed":
      return refusedLogin(detail);
    case "TlsConnectionError":
      return `The TLS handshake with the database server failed${detail}: ${FIX_URL} (sslmode).`;
    case "TooManyConnections":
      return "The database server has no free connections: retry later or lower the pool size.";
    case "SocketTimeout":
    case "ConnectionClosed":
      return "The connection to the database server was lost: check that it is up and reachable.";
    default:
      return undefined;
  }
}

type NodeError = { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown };

function fromNodeError(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code } = error as NodeError;
  // A host with several addresses (localhost: ::1 and 127.0.0.1) fails as an AggregateError
  // that carries the code but leaves the addresses to its parts.
  const first = (error instanceof AggregateError ? error.errors[0] : error) as NodeError;
  const where = hostPort(first?.address ?? first?.hostname, first?.port);
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
      return unreachable(where, "connection refused");
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return unreachable(where, "unknown host");
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return unreachable(where, "timed out");
    case "28P01":
    case "28000":
      return refusedLogin(` (${reasonLine(message)})`);
    case "3D000":
      return missingDatabase(/database "([^"]+)"/.exec(message)?.[1]);
    default:
      return undefined;
  }
}

/** The schema engine turns the same driver errors into fixed English messages. */
function fromEngineMessage(message: string): string | undefined {
  const reach = /Can't reach database server at `([^`]*)`/.exec(message);
  if (reach) return unreachable(reach[1]);
  const missing = /Database `([^`]*)` does not exist/.exec(message);
  if (missing) return missingDatabase(missing[1]);
  if (/denied access|Authentication failed/i.test(message)) return refusedLogin("");
  return undefined;
}

function refusedLogin(detail: string): string {
  return `The database server refused the login${detail}: ${FIX_URL} (user, password, database).`;
}

function unreachable(where: string | undefined, why?: string): string {
  const at = where ? ` at ${where}` : "";
  const because = why ? ` (${why})` : "";
  return `Cannot reach the database server${at}${because}: start PostgreSQL or ${FIX_URL}.`;
}

function missingDatabase(name: string | undefined): string {
  const which = name ? `"${name}"` : "named in DATABASE_URL";
  return `The database ${which} does not exist on the server: create it (createdb) or ${FIX_URL}.`;
}

function hostPort(host: unknown, port: unknown): string | undefined {
  if (typeof host !== "string" || host === "") return undefined;
  return typeof port === "number" || typeof port === "string" ? `${host}:${port}` : host;
}

/**
 * Driver messages say it on their first line; Prisma Client's open with an "Invalid
 * `prisma.x()` invocation:" header and end with the reason.
 */
function reasonLine(message: string): string {
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const first = lines[0] ?? message;
  return first.endsWith(":") ? (lines.at(-1) ?? first) : first;
}

/** Driver adapter error kinds that mean "the server is not there right now". */
const OUTAGE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Prisma's codes for the same: can't reach, timed out, operations timed out, connection closed. */
const OUTAGE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Socket failures, as Node reports them. */
const OUTAGE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/**
 * SQLSTATEs: class 08 (connection exception), the server shutting down or terminating the
 * session (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now: starting up or
 * shutting down) and 53300 (too many connections).
 */
const OUTAGE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/**
 * pg and pg-pool throw plain Errors, without a code, when a connection dies or never comes
 * ("timeout expired": pg.Client's own connect timeout, see src/db/adapter.ts).
 */
const OUTAGE_MESSAGE =
  /Connection terminated|timeout expired|timeout exceeded when trying to connect|not queryable|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

/**
 * Whether `error` says the database server is unreachable or went away (an outage, a restart,
 * a failover), as opposed to a bug or a bad query: the request may succeed if retried shortly.
 * Looks through every layer that wraps the driver's error: Prisma Client (code, meta), the
 * driver adapter (DriverAdapterError and its cause), `cause` chains and AggregateErrors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (typeof value !== "object" || value === null || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const e = value as {
      name?: unknown;
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      originalError?: unknown;
      meta?: { driverAdapterError?: unknown };
      errors?: unknown;
    };
    if (typeof e.kind === "string" && OUTAGE_KINDS.has(e.kind)) return true;
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== "string") continue;
      if (OUTAGE_PRISMA_CODES.has(code) || OUTAGE_NODE_CODES.has(code)) return true;
      if (OUTAGE_SQLSTATE.test(code)) return true;
    }
    if (typeof e.message === "string" && OUTAGE_MESSAGE.test(e.message)) return true;
    const nested = [
      e.cause,
      e.originalError,
      e.meta?.driverAdapterError,
      ...(Array.isArray(e.errors) ? e.errors : []),
    ];
    return nested.some((inner) => visit(inner, depth + 1));
  };
  return visit(error, 0);
}
