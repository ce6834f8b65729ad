import path from "node:path";

/** Where the data lives when DATABASE_URL is unset: inside the repo, ignored by git. */
export const DEFAULT_PGLITE_DIR = ".data/pglite";

export type DatabaseConfig =
  // dataDir null: in-memory, gone when the process ends.
  | { kind: "pglite"; dataDir: string | null; describe: string }
  | { kind: "postgres"; url: string; describe: string };

export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

const ALLOWED =
  "unset (PGlite in .data/pglite), pglite:<dir>, pglite:memory, " +
  "or a postgres:// / postgresql:// URL";

/**
 * Reads DATABASE_URL. Relative PGlite directories resolve against `cwd` so the default
 * `.data/pglite` lands in the repo root when scripts run from there.
 */
export function parseDatabaseUrl(
  value: string | undefined,
  cwd: string = process.cwd(),
): DatabaseConfig {
  // An empty assignment (DATABASE_URL= in a .env file) means "not configured", not "bad".
  const url = value?.trim() ?? "";
  if (url === "") {
    const dataDir = path.resolve(cwd, DEFAULT_PGLITE_DIR);
    return { kind: "pglite", dataDir, describe: `PGlite at ${dataDir}` };
  }

  if (url.startsWith("pglite:")) {
    const target = url.slice("pglite:".length).trim();
    if (target === "memory") {
      return { kind: "pglite", dataDir: null, describe: "PGlite in memory" };
    }
    if (target === "") throw configError(url, "pglite: needs a directory or `memory`");
    const dataDir = path.resolve(cwd, target);
    return { kind: "pglite", dataDir, describe: `PGlite at ${dataDir}` };
  }

  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw configError(url, "it is not a valid URL");
    }
    if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
      throw configError(url, "it names no host");
    }
    return { kind: "postgres", url, describe: `PostgreSQL at ${maskPassword(url)}` };
  }

  throw configError(url);
}

/** Connection strings end up in logs and error messages; passwords must not. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") {
      parsed.password = "***";
      return parsed.toString();
    }
    if (parsed.searchParams.has("password")) {
      parsed.searchParams.set("password", "***");
      return parsed.toString();
    }
    return url;
  } catch {
    // Unparseable values can still carry "user:secret@" or "password=secret".
    return url.replace(/(\/\/[^/:@]*:)[^@/]*@/, "$1***@").replace(/(password=)[^&\s]*/i, "$1***");
  }
}

function configError(url: string, reason?: string): DatabaseConfigError {
  const why = reason === undefined ? "" : ` (${reason})`;
  return new DatabaseConfigError(
    `DATABASE_URL "${maskPassword(url)}" is not supported${why}: use ${ALLOWED}.`,
  );
}
