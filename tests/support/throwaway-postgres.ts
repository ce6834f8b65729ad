// A PostgreSQL cluster of a test's own (initdb + pg_ctl) in a temporary directory, listening on
// a free port of 127.0.0.1 only, so a test can stop and restart the server under a running API
// without touching the shared one. As root (CI) the cluster runs as the `postgres` OS user, which
// PostgreSQL requires. destroy() stops it and removes the directory; a process that dies before
// that still stops it on exit.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: sessions are terminated, connections closed, new ones refused. */
  stop(): Promise<void>;
  /** Stops it if running and removes its directory; safe to call twice. */
  destroy(): Promise<void>;
}

/** Directory of initdb and pg_ctl: the newest /usr/lib/postgresql/<version>/bin, else PATH. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return path.join(root, versions[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) {
      return dir;
    }
  }
  return undefined;
}

/**
 * Why a throwaway cluster cannot be had here, or undefined when the test must run: it runs with
 * TEST_DATABASE_URL (the PostgreSQL half of the suite) and always in CI, where a missing
 * PostgreSQL installation is a failure, not a skip.
 */
export function throwawaySkipReason(): string | undefined {
  if (!process.env.TEST_DATABASE_URL?.trim() && !process.env.CI) {
    return "PostgreSQL tests are off: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)";
  }
  if (postgresBinDir() === undefined && !process.env.CI) {
    return "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql or on PATH";
  }
  return undefined;
}

export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (bin === undefined) {
    throw new Error(
      "initdb and pg_ctl not found (install postgresql, e.g. apt-get install postgresql)",
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), "newsgraph-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  // initdb creates data/ inside; as root, the directory must belong to postgres first.
  if (asRoot) {
    const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
    await chown(dir, await id("-u"), await id("-g"));
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
  const pgCtl = async (args: string[]) => {
    const [file, argv] = command("pg_ctl", ["-D", data, ...args]);
    try {
      await run(file, argv, { timeout: 60_000 });
    } catch (error) {
      const serverLog = await readFile(log, "utf8").catch(() => "");
      throw new Error(`pg_ctl ${args.at(-1)} failed: ${String(error)}\n${serverLog.slice(-2000)}`);
    }
  };

  const [initdb, initdbArgs] = command("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  await run(initdb, initdbArgs, { timeout: 120_000 });

  const port = await freePort();
  let running = false;
  // A test process that dies (or is killed by a timeout) still stops its cluster.
  const stopOnExit = () => {
    if (!running) return;
    try {
      const [file, argv] = command("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
      execFileSync(file, argv, { stdio: "ignore", timeout: 10_000 });
    } catch {}
  };
  process.once("exit", stopOnExit);

  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");

  let destroyed: Promise<void> | undefined;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async start() {
      await pgCtl(["-l", log, "-w", "-t", "30", "-o", options, "start"]);
      running = true;
    },
    async stop() {
      await pgCtl(["-m", "fast", "-w", "-t", "30", "stop"]);
      running = false;
    },
    destroy: () =>
      (destroyed ??= (async () => {
        if (running) await pgCtl(["-m", "immediate", "-w", "stop"]).catch(() => {});
        running = false;
        process.off("exit", stopOnExit);
        await rm(dir, { recursive: true, force: true });
      })()),
  };
}

/** A port of 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
