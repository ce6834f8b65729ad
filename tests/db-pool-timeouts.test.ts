// The PostgreSQL pool's two waits are different things: a connection attempt that gets no
// answer gives up after CONNECT_TIMEOUT_MS (the server is away), while a request waiting for a
// busy pool's next free client waits its turn (the server is fine, only busy).
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { CONNECT_TIMEOUT_MS, createAdapter } from "../src/db/adapter.ts";
import { parseDatabaseUrl } from "../src/db/config.ts";
import { describeConnectionError } from "../src/db/errors.ts";
import { testServerUrl } from "./support/postgres.ts";

const server = testServerUrl();
if (process.env.CI && server === undefined) {
  throw new Error("CI runs the pool tests on PostgreSQL: set TEST_DATABASE_URL (see .ci/run)");
}

describe("the PostgreSQL pool", () => {
  const silent: Server[] = [];
  afterAll(() => {
    for (const s of silent) s.close();
  });

  it("gives up on a server that accepts but never answers, after the connect timeout", async () => {
    // Accepts TCP connections and says nothing, like a host whose PostgreSQL hangs.
    const mute = createServer((socket) => socket.on("error", () => {}));
    silent.push(mute);
    mute.listen(0, "127.0.0.1");
    await once(mute, "listening");
    const port = (mute.address() as { port: number }).port;
    const adapter = createAdapter(parseDatabaseUrl(`postgres://x@127.0.0.1:${port}/x`));
    const connection = await adapter.factory.connect();
    const started = Date.now();
    const error = await connection.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] }).then(
      () => null,
      (e: unknown) => e,
    );
    const waited = Date.now() - started;
    await adapter.close();
    expect(error).not.toBeNull();
    expect(describeConnectionError(error)).toMatch(/no answer within the connect timeout/);
    expect(waited).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(CONNECT_TIMEOUT_MS + 3_000);
  });

  it.skipIf(server === undefined)(
    "lets a request wait longer than the connect timeout for a busy pool's free client",
    { timeout: 30_000 },
    async () => {
      const adapter = createAdapter(parseDatabaseUrl(server), { maxConnections: 1 });
      const connection = await adapter.factory.connect();
      const hold = (CONNECT_TIMEOUT_MS + 500) / 1000;
      const sleep = () =>
        connection.queryRaw({
          sql: `SELECT 1 AS one FROM pg_sleep(${hold})`,
          args: [],
          argTypes: [],
        });
      try {
        // One client, two requests: the second waits for the first's client longer than the
        // connect timeout, and must still get its answer.
        const results = await Promise.allSettled([sleep(), sleep()]);
        const failures = results.flatMap((r) =>
          r.status === "rejected" ? [String(r.reason)] : [],
        );
        expect(failures).toEqual([]);
      } finally {
        await adapter.close();
      }
    },
  );
});
