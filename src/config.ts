// All configuration, read once at start and checked with one zod schema: an invalid value stops
// the server with one line naming the variable and what it allows. The README lists them all.
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
  .transform((value) => value === "1" || value === "true");

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(1, 65535).default(4000),
  HOST: z.string().min(1).default("localhost"),
  /** Parsed further by src/db/config.ts, which names the allowed forms. */
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  READ_REQUIRES_KEY: flag.default(false),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_SQL_TRACE: flag.default(false),
  CORS_ORIGINS: z
    .string()
    .default("*")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),

  MAX_DEPTH: int(1, 100).default(12),
  // The most objects a query can return, page sizes multiplied (src/plugins/query-limits.ts).
  // Three nested pages of 100 fit (events → related → related in tests/api-read.test.ts costs
  // 1,020,201; the N+1 query of tests/api-n-plus-one.test.ts 82,601), a fourth does not.
  // Two nested pages of 100 (about 10,000 objects per level) with room to spare; the 4-level
  // N+1 query with 50 documents costs 82,601.
  MAX_COST: int(1, 1_000_000_000).default(200_000),
  MAX_ALIASES: int(0, 1000).default(30),
  MAX_DIRECTIVES: int(0, 1000).default(50),
  MAX_TOKENS: int(10, 1_000_000).default(5000),
  // Objects and lists inside one argument or variable ({ AND: [{ … }] } is 3 deep).
  MAX_INPUT_DEPTH: int(1, 100).default(20),
  MAX_PAGE_SIZE: int(1, 1000).default(100),
  // Room for a 2 MB article in JSON, not for a 5 MB query.
  MAX_REQUEST_BYTES: int(1024, 100 * 1024 * 1024).default(4 * 1024 * 1024),
  EXECUTION_TIMEOUT_MS: int(100, 600_000).default(15_000),
  BATCH_LIMIT: int(0, 100).default(0),
  PERSISTED_ONLY: flag.default(false),
  PERSISTED_OPERATIONS_FILE: z.string().min(1).default("persisted-operations.json"),

  REDIS_URL: z.string().optional(),
  REDIS_CHANNEL_PREFIX: z.string().optional(),
  SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty assignment (VAR= in a .env file) means "not set", not "bad".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues
      .map((issue) => {
        const name = String(issue.path[0]);
        return `${name} ${issue.message} (got ${JSON.stringify(env[name])})`;
      })
      .join("\n"),
  );
}

/** Introspection and GraphiQL: on in development, off in production unless asked for. */
export function introspectionEnabled(
  config: Pick<Config, "GRAPHQL_INTROSPECTION" | "NODE_ENV">,
): boolean {
  return config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== "production";
}
