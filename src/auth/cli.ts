// `npm run apikey -- <command>`: create, list and revoke API keys on DATABASE_URL.
// scripts/apikey.ts runs it; tests call runApiKeyCli with their own output sinks.
import { parseArgs } from "node:util";
import { getDb } from "../db/client.ts";
import { DataDirInUseError } from "../db/data-dir-lock.ts";
import { describeConnectionError } from "../db/errors.ts";
import { applyMigrations } from "../db/migrator.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import {
  API_SCOPES,
  type ApiKeyInfo,
  ApiKeyInputError,
  type ApiScope,
  createApiKey,
  isApiScope,
  listApiKeys,
  revokeApiKey,
} from "./api-keys.ts";

export const USAGE = `Usage:
  npm run apikey -- create --name <name> --scope <${API_SCOPES.join("|")}> [--expires <when>]
  npm run apikey -- list
  npm run apikey -- revoke <prefix>

  --scope    read: queries (when READ_REQUIRES_KEY=1); write: mutations, and read;
             admin: deletions too. Repeat it or separate with commas.
  --expires  a duration from now (30d, 12h, 2w) or a UTC date or time (2026-12-31 means
             2026-12-31T00:00:00Z; 2026-12-31T18:00:00Z); default: never.

create prints the token once, on stdout (everything else goes to stderr): store it then.
Uses DATABASE_URL like the server. On the default PGlite directory, run it while the server
is stopped (PGlite allows one process at a time), or use PostgreSQL.`;

/** Exit codes: 0 done, 1 the database or the key refused it, 2 bad arguments. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  /** The token and listings: what a script would capture. */
  out(line: string): void;
  /** Notes and errors. */
  err(line: string): void;
}

const consoleIo: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

class UsageError extends Error {
  override name = "UsageError";
}

type Command =
  | { kind: "help" }
  | { kind: "create"; name: string; scopes: ApiScope[]; expiresAt: Date | null }
  | { kind: "list" }
  | { kind: "revoke"; prefix: string };

export async function runApiKeyCli(
  argv: readonly string[],
  io: CliIo = consoleIo,
  now: Date = new Date(),
): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, now);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`apikey: ${error.message}`);
    io.err("Run `npm run apikey -- help` for usage.");
    return EXIT_USAGE;
  }
  if (command.kind === "help") {
    io.out(USAGE);
    return EXIT_OK;
  }

  let db: ReturnType<typeof getDb> | undefined;
  try {
    db = getDb();
    await applyMigrations(db);
    return await run(command, db.prisma, io);
  } catch (error) {
    if (error instanceof ApiKeyInputError) {
      io.err(`apikey: ${error.message}`);
      return EXIT_USAGE;
    }
    const hint =
      error instanceof DataDirInUseError
        ? " (create keys while the server is stopped, or run both on PostgreSQL)"
        : "";
    io.err(`apikey: ${describeConnectionError(error)}${hint}`);
    return EXIT_FAILED;
  } finally {
    await db?.close().catch(() => {});
  }
}

async function run(
  command: Exclude<Command, { kind: "help" }>,
  prisma: PrismaClient,
  io: CliIo,
): Promise<number> {
  switch (command.kind) {
    case "create": {
      const { token, key } = await createApiKey(prisma, command);
      io.err(
        `Created API key "${key.name}": prefix ${key.prefix}, scopes ${key.scopes.join(", ")}, ` +
          `expires ${key.expiresAt === null ? "never" : key.expiresAt.toISOString()}.`,
      );
      io.out(token);
      io.err(
        "This token will not be shown again: store it now. Send it as Authorization: Bearer <token>.",
      );
      return EXIT_OK;
    }
    case "list": {
      const keys = await listApiKeys(prisma);
      if (keys.length === 0) {
        io.err(
          "No API keys. Create one with: npm run apikey -- create --name <name> --scope <scope>",
        );
        return EXIT_OK;
      }
      for (const line of table(keys)) io.out(line);
      return EXIT_OK;
    }
    case "revoke": {
      const result = await revokeApiKey(prisma, command.prefix);
      if (result.status === "not-found") {
        io.err(`apikey: no API key has the prefix ${command.prefix} (see npm run apikey -- list)`);
        return EXIT_FAILED;
      }
      const { key } = result;
      io.err(
        result.status === "revoked"
          ? `Revoked API key ${key.prefix} "${key.name}": requests with it now fail with 401.`
          : `API key ${key.prefix} "${key.name}" was already revoked at ${key.revokedAt?.toISOString()}.`,
      );
      return EXIT_OK;
    }
  }
}

function parseCommand(argv: readonly string[], now: Date): Command {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === "help") return { kind: "help" };
  if (name === undefined) throw new UsageError("give a command: create, list or revoke");

  const given = Object.keys(values).filter(
    (key) => values[key as keyof typeof values] !== undefined,
  );
  const allowOnly = (allowed: string[]) => {
    const extra = given.find((option) => !allowed.includes(option));
    if (extra !== undefined) throw new UsageError(`${name} takes no --${extra}`);
  };

  switch (name) {
    case "create": {
      allowOnly(["name", "scope", "expires"]);
      if (rest.length > 0)
        throw new UsageError(`create takes no argument "${rest[0]}": use --name`);
      const keyName = values.name?.trim() ?? "";
      if (keyName === "")
        throw new UsageError("create needs --name <name> (say who or what uses the key)");
      return {
        kind: "create",
        name: keyName,
        scopes: parseScopes(values.scope ?? []),
        expiresAt: values.expires === undefined ? null : parseExpires(values.expires, now),
      };
    }
    case "list":
      allowOnly([]);
      if (rest.length > 0) throw new UsageError(`list takes no argument "${rest[0]}"`);
      return { kind: "list" };
    case "revoke": {
      allowOnly([]);
      if (rest.length !== 1) throw new UsageError("revoke needs exactly one key prefix");
      const prefix = rest[0]!.trim();
      // A whole token is accepted too, and never printed back.
      if (!/^[0-9a-f]{12}$/.test(prefix) && !/^ngk_[0-9a-f]{12}_/.test(prefix)) {
        throw new UsageError("a key prefix is 12 hex digits, as `npm run apikey -- list` shows");
      }
      return { kind: "revoke", prefix: prefix.startsWith("ngk_") ? prefix.slice(4, 16) : prefix };
    }
    default:
      throw new UsageError(`unknown command "${name}": use create, list or revoke`);
  }
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      scope: { type: "string", multiple: true },
      expires: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function parseArgsMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]*)/.exec(message ?? "")?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? ""}`.trim();
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `${option ?? "an option"} needs a value`;
  return message ?? String(error);
}

function parseScopes(values: string[]): ApiScope[] {
  const scopes = values.flatMap((value) => value.split(",")).map((scope) => scope.trim());
  if (scopes.length === 0 || scopes.every((scope) => scope === "")) {
    throw new UsageError(`create needs --scope <${API_SCOPES.join("|")}>`);
  }
  for (const scope of scopes) {
    if (!isApiScope(scope)) {
      throw new UsageError(`unknown scope "${scope}": use ${API_SCOPES.join(", ")}`);
    }
  }
  return scopes as ApiScope[];
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const EXPIRES_FORMATS = "a duration (30d, 12h, 2w) or a date (2026-12-31 or 2026-12-31T18:00:00Z)";

/** 30d / 12h / 2w from now, a UTC day (its first moment) or an ISO date-time; in the future. */
export function parseExpires(value: string, now: Date = new Date()): Date {
  const text = value.trim();
  const bad = (why: string) => new UsageError(`bad --expires "${text}": ${why}`);
  const duration = /^(\d+)\s*([hdw])$/i.exec(text);
  let when: Date;
  if (duration) {
    const amount = Number(duration[1]);
    if (amount <= 0 || amount > 36_500)
      throw bad("the duration must be 1 or more, and under 100 years");
    when = new Date(
      now.getTime() + amount * UNIT_MS[duration[2]!.toLowerCase() as keyof typeof UNIT_MS],
    );
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    when = new Date(`${text}T00:00:00Z`);
    // Date() rolls 2026-02-30 over to March; a real date reads back the same.
    if (Number.isNaN(when.getTime()) || when.toISOString().slice(0, 10) !== text) {
      throw bad("no such date");
    }
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    when = new Date(text);
    if (Number.isNaN(when.getTime())) throw bad("no such time");
  } else {
    throw bad(`use ${EXPIRES_FORMATS}`);
  }
  if (when.getTime() <= now.getTime()) throw bad(`${when.toISOString()} is not in the future`);
  return when;
}

function table(keys: ApiKeyInfo[]): string[] {
  const header = ["PREFIX", "NAME", "SCOPES", "CREATED", "EXPIRES", "REVOKED", "LAST USED"];
  const rows = keys.map((key) => [
    key.prefix,
    key.name,
    key.scopes.join(","),
    stamp(key.createdAt),
    stamp(key.expiresAt, "never"),
    stamp(key.revokedAt, "-"),
    stamp(key.lastUsedAt, "-"),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  return [header, ...rows].map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
}

function stamp(date: Date | null, none = ""): string {
  return date === null ? none : `${date.toISOString().slice(0, 16).replace("T", " ")}Z`;
}
