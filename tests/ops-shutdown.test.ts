// Graceful shutdown: startServer on a loopback port (PGlite), requests in flight when stop()
// begins, a subscription stream, a load of new requests; and `npm start` itself (src/main.ts)
// under SIGTERM and with a bad configuration.
import { type ChildProcess, spawn } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { openDb } from "../src/db/client.ts";
import { createLogger } from "../src/logger.ts";
import { type ChangePubSub, createChangePubSub } from "../src/pubsub.ts";
import { type RunningServer, STREAM_GRACE_MS, startServer } from "../src/server.ts";
import { getPath, type Outcome, postGraphQL, runWorkers, sleep } from "./support/http-client.ts";
import { freePort } from "./support/throwaway-postgres.ts";

const GRACE_MS = 5_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A POST whose body arrives in two halves: in flight on the server until finish() is called. */
function slowRequest(port: number, agent: Agent, query: string) {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  let finish = () => {};
  const done = new Promise<{ status: number; connection?: string; body: any; failure?: string }>(
    (resolve) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/graphql",
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              connection: res.headers.connection,
              body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
            }),
          );
          res.on("error", (error) => resolve({ status: 0, body: null, failure: String(error) }));
        },
      );
      req.on("error", (error) => resolve({ status: 0, body: null, failure: String(error) }));
      req.write(body.slice(0, half));
      finish = () => req.end(body.slice(half));
    },
  );
  return { done, finish: () => finish() };
}

/** Whether a new TCP connection to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("stop(): graceful shutdown under load", () => {
  let server: RunningServer;
  let pubsub: ChangePubSub;
  let pubsubClosed = false;
  const lines: string[] = [];

  beforeAll(async () => {
    process.env.DATABASE_URL = "pglite:memory";
    pubsub = createChangePubSub();
    const close = pubsub.close;
    pubsub.close = async () => {
      pubsubClosed = true;
      await close();
    };
    const config = { ...loadConfig(), PORT: 0, HOST: "127.0.0.1", SHUTDOWN_GRACE_MS: GRACE_MS };
    const logger = createLogger({ destination: { write: (line) => lines.push(line) } });
    server = await startServer(config, { logger, pubsub });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("finishes the requests in flight, refuses new connections, cuts streams, closes everything", async () => {
    const base = server.url;
    const port = server.port;
    expect((await getPath(base, "/ready")).status).toBe(200);

    // A subscription: an SSE stream that never ends by itself.
    const stream = await fetch(
      `${base}/graphql?query=${encodeURIComponent("subscription { documentChanged { deleted } }")}`,
      { headers: { accept: "text/event-stream" } },
    );
    expect(stream.status).toBe(200);
    const streamEnded = (async () => {
      const reader = stream.body!.getReader();
      try {
        while (!(await reader.read()).done) {}
      } catch {}
      return performance.now();
    })();

    // A load of ordinary requests on keep-alive connections, until the server is gone.
    let stopBegan = Number.POSITIVE_INFINITY;
    const outcomes: (Outcome & { sent: number })[] = [];
    const load = runWorkers(
      4,
      () => outcomes.some((o) => o.status === 0),
      async () => {
        const sent = performance.now();
        const outcome = await postGraphQL(
          base,
          "query Load { documents(first: 5) { totalCount } }",
        );
        outcomes.push({ ...outcome, sent });
        if (performance.now() - sent < 5) await sleep(5);
      },
    );

    // Requests the server has started on and cannot answer yet: half their body is missing.
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const slow = Array.from({ length: 8 }, (_, i) =>
      slowRequest(port, agent, `query Slow${i} { documents(first: 1) { totalCount } }`),
    );
    const deadline = Date.now() + 5_000;
    while (server.inFlight() < slow.length + 1 && Date.now() < deadline) await sleep(10);
    expect(server.inFlight()).toBeGreaterThanOrEqual(slow.length + 1);

    stopBegan = performance.now();
    const stopping = server.stop();
    await sleep(50);
    expect(await connectionRefused(port)).toBe(true);
    expect((await getPath(base, "/health").catch((error) => error)).cause?.code).toBe(
      "ECONNREFUSED",
    );

    for (const request of slow) request.finish();
    const answers = await Promise.all(slow.map((request) => request.done));
    for (const answer of answers) {
      expect(answer.failure).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { documents: { totalCount: 1 } } });
      // Not kept alive for another request.
      expect(answer.connection).toBe("close");
    }

    const report = await stopping;
    const stoppedAt = performance.now();
    await load;
    agent.destroy();

    expect(report.inFlight).toBeGreaterThanOrEqual(slow.length + 1);
    expect(report.cut).toBe(1); // the stream, after STREAM_GRACE_MS
    expect(report.ms).toBeLessThan(GRACE_MS);
    expect(stoppedAt - stopBegan).toBeLessThan(GRACE_MS);
    const streamEnd = await streamEnded;
    expect(streamEnd - stopBegan).toBeGreaterThanOrEqual(STREAM_GRACE_MS - 100);
    expect(streamEnd - stopBegan).toBeLessThan(GRACE_MS);

    // The load: every answer complete and correct; failures only once stopping (refused).
    const answered = outcomes.filter((o) => o.status !== 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const outcome of answered) {
      expect(outcome.status).toBe(200);
      expect(outcome.errors).toBeUndefined();
    }
    for (const failed of outcomes.filter((o) => o.status === 0)) {
      expect(failed.sent + failed.ms).toBeGreaterThanOrEqual(stopBegan);
    }

    // Pub/sub and database closed.
    expect(pubsubClosed).toBe(true);
    expect(openDb()).toBeUndefined();
    await expect(server.db.prisma.document.count()).rejects.toThrow();
    const last = JSON.parse(lines.at(-1)!);
    expect(last).toMatchObject({
      msg: "stopped: connections, pub/sub and database closed",
      cut: 1,
    });
  });
});

describe("npm start (src/main.ts)", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  });

  function start(env: Record<string, string>) {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { child, exited, stdout: () => stdout, stderr: () => stderr };
  }

  it("stops with one line per bad variable and exit 1, no stack trace", async () => {
    const run = start({ PORT: "http", SHUTDOWN_GRACE_MS: "-1" });
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        /^newsgraph cannot start: PORT must be a whole number .*\(got "http"\)$/,
      ),
      expect.stringMatching(/^newsgraph cannot start: SHUTDOWN_GRACE_MS must be a whole number/),
    ]);
    expect(run.stdout()).toBe("");
  });

  it("serves, then exits 0 on SIGTERM, logging JSON lines only", async () => {
    const port = await freePort();
    const run = start({ DATABASE_URL: "pglite:memory", PORT: String(port), HOST: "127.0.0.1" });
    // tsx compiling the sources, PGlite starting, migrations and the seed: seconds, more on a
    // busy machine.
    const deadline = Date.now() + 90_000;
    while (!run.stdout().includes("GraphQL and GraphiQL at") && Date.now() < deadline) {
      if (run.child.exitCode !== null) break;
      await sleep(50);
    }
    expect(run.stdout(), run.stderr()).toContain(
      `GraphQL and GraphiQL at http://127.0.0.1:${port}/graphql`,
    );
    const base = `http://127.0.0.1:${port}`;
    expect((await getPath(base, "/ready")).body).toEqual({ status: "ok" });
    const result = await postGraphQL(base, "{ documents(first: 1) { totalCount } }");
    expect(result.data).toEqual({ documents: { totalCount: 1 } });

    const signalled = performance.now();
    run.child.kill("SIGTERM");
    expect(await run.exited, run.stdout().slice(-2000)).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(run.stderr()).toBe("");
    const entries = run
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(entries.map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        "SIGTERM: shutting down",
        "stopped: connections, pub/sub and database closed",
      ]),
    );
    expect(entries.find((e) => e.msg === "request")).toMatchObject({
      level: "info",
      path: "/graphql",
      status: 200,
      requestId: result.requestId,
    });
  }, 120_000);
});
