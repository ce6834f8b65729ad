// `npm run apikey`: create prints a token that verifies, list shows no secret, revoke makes the
// token fail; bad arguments exit 2 before any database is opened; a PGlite directory in use by
// the server is one line and exit 1. Runs on a PGlite directory of its own, opened and closed
// by each command like separate processes would.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyApiKey } from "../src/auth/api-keys.ts";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseExpires, runApiKeyCli } from "../src/auth/cli.ts";
import { createDatabase } from "../src/db/client.ts";

let dir: string;
const savedUrl = process.env.DATABASE_URL;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "newsgraph-apikey-"));
  process.env.DATABASE_URL = `pglite:${dir}`;
});

afterAll(() => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runApiKeyCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, all: [...out, ...err].join("\n") };
}

/** Verifies a token on the CLI's database, opened and closed around the check. */
async function verify(token: string) {
  const db = createDatabase(`pglite:${dir}`);
  try {
    return await verifyApiKey(db.prisma, token);
  } finally {
    await db.close();
  }
}

describe("apikey create, list, revoke", () => {
  let token: string;
  let prefix: string;

  it("create prints the token once, on stdout, and says it will not be shown again", async () => {
    const result = await cli("create", "--name", "ci", "--scope", "write", "--expires", "30d");
    expect(result.code, result.all).toBe(EXIT_OK);
    expect(result.out).toHaveLength(1);
    token = result.out[0]!;
    expect(token).toMatch(/^ngk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    prefix = token.slice(4, 16);
    expect(result.err.join("\n")).toMatch(/will not be shown again/);
    expect(result.err.join("\n")).toContain(prefix);
    expect(result.err.join("\n")).not.toContain(token.slice(17));
  });

  it("the token verifies with its scopes", async () => {
    const verified = await verify(token);
    expect(verified).toMatchObject({
      ok: true,
      caller: { keyName: "ci", scopes: ["read", "write"] },
    });
  });

  it("list shows prefix, name, scopes and dates, never the secret", async () => {
    const result = await cli("list");
    expect(result.code).toBe(EXIT_OK);
    expect(result.out[0]).toMatch(/^PREFIX\s+NAME\s+SCOPES\s+CREATED\s+EXPIRES\s+REVOKED/);
    const row = result.out.find((line) => line.startsWith(prefix));
    expect(row).toMatch(
      /ci\s+write\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z\s+-/,
    );
    const secret = token.slice(17);
    for (let i = 0; i + 8 <= secret.length; i++)
      expect(result.all).not.toContain(secret.slice(i, i + 8));
  });

  it("revoke makes the token fail, and a second revoke says it already was", async () => {
    const revoked = await cli("revoke", prefix);
    expect(revoked.code, revoked.all).toBe(EXIT_OK);
    expect(revoked.all).toMatch(/Revoked/);
    expect(await verify(token)).toEqual({ ok: false, reason: "revoked" });
    const again = await cli("revoke", prefix);
    expect(again.code).toBe(EXIT_OK);
    expect(again.all).toMatch(/already revoked/);
    const listed = await cli("list");
    expect(listed.out.find((line) => line.startsWith(prefix))).toMatch(
      /write\s+\S+ \S+\s+\S+ \S+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z/,
    );
  });

  it("revoke of an unknown prefix exits 1", async () => {
    const result = await cli("revoke", "000000000000");
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.err[0]).toMatch(/no API key has the prefix 000000000000/);
  });

  it("an admin key with a date expiry", async () => {
    const result = await cli(
      "create",
      "--name",
      "ops",
      "--scope",
      "admin",
      "--expires",
      "2099-12-31",
    );
    expect(result.code, result.all).toBe(EXIT_OK);
    expect(result.err[0]).toMatch(/expires 2099-12-31T00:00:00.000Z/);
    expect(await verify(result.out[0]!)).toMatchObject({
      ok: true,
      caller: { scopes: ["read", "write", "admin"] },
    });
  });
});

describe("bad arguments exit 2 with a reason", () => {
  it.each([
    [[], /give a command/],
    [["frob"], /unknown command "frob"/],
    [["create", "--scope", "write"], /needs --name/],
    [["create", "--name", "  ", "--scope", "write"], /needs --name/],
    [["create", "--name", "x"], /needs --scope/],
    [["create", "--name", "x", "--scope", "root"], /unknown scope "root"/],
    [["create", "--name", "x", "--scope", "read", "--expires", "soon"], /bad --expires "soon"/],
    [["create", "--name", "x", "--scope", "read", "--expires", "2026-02-30"], /no such date/],
    [["create", "--name", "x", "--scope", "read", "--expires", "2000-01-01"], /not in the future/],
    [["create", "--name", "x", "--scope", "read", "--expires", "0d"], /bad --expires "0d"/],
    [["create", "--name"], /--name needs a value/],
    [["list", "--bogus"], /unknown option --bogus/],
    [["list", "--name", "x"], /list takes no --name/],
    [["revoke"], /exactly one key prefix/],
    [["revoke", "nothex"], /12 hex digits/],
  ])("%j", async (argv, reason) => {
    const result = await cli(...(argv as string[]));
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.err[0]).toMatch(reason);
    expect(result.out).toEqual([]);
  });

  it("help prints the usage and exits 0", async () => {
    const result = await cli("help");
    expect(result.code).toBe(EXIT_OK);
    expect(result.out.join("\n")).toMatch(/npm run apikey -- create --name/);
  });

  it("--expires reads durations and dates", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseExpires("30d", now).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(parseExpires("12h", now).toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(parseExpires("2w", now).toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(parseExpires("2026-12-31", now).toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(parseExpires("2026-06-01T18:30:00+02:00", now).toISOString()).toBe(
      "2026-06-01T16:30:00.000Z",
    );
  });
});

describe("a PGlite directory the server holds", () => {
  it("is one line and exit 1", async () => {
    const held = mkdtempSync(join(tmpdir(), "newsgraph-apikey-held-"));
    // What a running `npm start` leaves there: its pid, alive.
    writeFileSync(join(held, "newsgraph.pid"), String(process.ppid));
    process.env.DATABASE_URL = `pglite:${held}`;
    try {
      const result = await cli("list");
      expect(result.code).toBe(EXIT_FAILED);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(/is in use by process \d+.*server is stopped.*PostgreSQL/);
    } finally {
      process.env.DATABASE_URL = `pglite:${dir}`;
      rmSync(held, { recursive: true, force: true });
    }
  });
});
