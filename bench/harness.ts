// The benchmark: build the corpus, serve it three ways, check the answers agree, then load
// each system with autocannon, interleaved (A B C A B C) so drift hits all alike.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createApiKey } from "../src/auth/api-keys.ts";
import { createDatabase } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrator.ts";
import {
  generateDocument,
  generatePool,
  type Pool,
  toAnnotation,
  type WriteReport,
  writeCorpus,
} from "./corpus.ts";
import {
  CREATE_DOCUMENT,
  type HttpRequest,
  IMPORT_ANNOTATIONS,
  READ_WORKLOADS,
  type ReadWorkload,
  SYSTEMS,
  type System,
  verifyBody,
} from "./workloads.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SERVERS = fileURLToPath(new URL("./servers/", import.meta.url));
/** The name of newsgraph served with relationLoadStrategy "query" (shipped: "join"). */
export const QUERY_STRATEGY = "newsgraph-query";

export interface BenchOptions {
  /** A PostgreSQL URL whose server hosts the bench databases; its database name is the main one. */
  databaseUrl: string;
  docs: number;
  seconds: number;
  rounds: number;
  connections: number[];
  /** Document counts for the W2 growth series; [] to skip. */
  growth: number[];
  /** Documents for the PGlite comparison; 0 to skip. */
  pgliteDocs: number;
  /** Wait for the statistics collector and report rows read per row returned. */
  rowsRead: boolean;
  /** Keep the databases afterwards (default: dropped). */
  keep: boolean;
  smoke: boolean;
  log: (line: string) => void;
}

export interface Measurement {
  system: string;
  workload: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  valid: boolean;
  problems: string[];
  rssMb: number;
}

export interface Sample {
  system: string;
  workload: string;
  statements: number;
  traced?: number;
  rowsRead?: number;
  rowsReturned: number;
}

export interface BenchResult {
  options: Omit<BenchOptions, "log">;
  generation: (WriteReport & { database: string })[];
  equality: { workload: string; params: number; systems: string[]; ok: boolean; detail?: string }[];
  measurements: Measurement[];
  samples: Sample[];
  pglite: Measurement[];
  pgliteSamples: Sample[];
  /** newsgraph as shipped ("join") vs the same server on relationLoadStrategy "query". */
  strategies: Measurement[];
  strategySamples: Sample[];
  growth: { docs: number; generation: WriteReport; measurements: Measurement[] }[];
  versions: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Databases

function urlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(base: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(base, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const recreate = async (base: string, name: string) => {
  await admin(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(base, `CREATE DATABASE "${name}"`);
};

interface Prepared {
  url: string;
  generation: WriteReport;
  apiKey: string;
}

/** Migrates `url` (PostgreSQL or pglite:<dir>), writes documents [from, to) and a write key. */
async function prepare(
  url: string,
  pool: Pool,
  from: number,
  to: number,
  log: (line: string) => void,
): Promise<Prepared> {
  const db = createDatabase(url);
  try {
    if (from === 0) await applyMigrations(db);
    let last = 0;
    const generation = await writeCorpus(db.prisma, pool, from, to, (done, rows) => {
      if (done - last >= 2000 || done === to) {
        last = done;
        log(`  ${done}/${to} documents, ${rows} rows`);
      }
    });
    const { token } = await createApiKey(db.prisma, {
      name: `bench-${Date.now()}`,
      scopes: ["write"],
    });
    return { url, generation, apiKey: token };
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

interface Server {
  system: string;
  origin: string;
  child: ChildProcess;
  headers: Record<string, string>;
  /** The last lines the server logged, for failure messages. */
  recentLog(): string;
  stop(): Promise<void>;
}

/** The servers pick a free port themselves (newsgraph's PORT must be 1–65535, so it stays unset). */
function withoutPort(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { PORT: _port, ...rest } = env;
  return rest;
}

async function startServer(
  system: string,
  script: string,
  env: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", join(SERVERS, script)], {
    cwd: ROOT,
    env: { ...withoutPort(process.env), BENCH_PORT: "0", GRAPHILE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let recent: string[] = [];
  // The servers log JSON lines to stdout (newsgraph's pino) or stderr; keep the last few of both.
  const remember = (chunk: Buffer) => {
    recent = [...recent, ...chunk.toString().split("\n").filter(Boolean)].slice(-20);
  };
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${system} did not start:\n${output}`)),
      60_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /BENCH_LISTENING (\d+)/u.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.BENCH_SERVER_LOG) process.stderr.write(`[${system}] ${chunk}`);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${system} exited with ${code}:\n${output}`));
    });
  });
  return {
    system,
    origin: `http://127.0.0.1:${port}`,
    child,
    headers: { "content-type": "application/json", ...headers },
    recentLog: () => recent.join("\n"),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Starts servers side by side; if one fails, stops the others before throwing. */
async function startAll(starting: Promise<Server>[]): Promise<Server[]> {
  const settled = await Promise.allSettled(starting);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(settled.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<Server>).value);
}

async function post(server: Server, request: HttpRequest, headers: Record<string, string> = {}) {
  const response = await fetch(server.origin + request.path, {
    method: "POST",
    headers: { ...server.headers, ...headers },
    body: request.body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as any };
}

async function stats(server: Server, reset = false): Promise<{ statements: number; rss: number }> {
  const response = await fetch(`${server.origin}/__bench/${reset ? "reset" : "stats"}`);
  return (await response.json()) as { statements: number; rss: number };
}

// ---------------------------------------------------------------------------------------------
// Parameters: the same for every system, chosen from the data.

export interface Params {
  W1: { id: number }[];
  W2: object[];
  W3: { name: string; from: string; to: string }[];
  W4: { query: string }[];
  W5: { kinds: string[] }[];
}

export async function chooseParams(url: string, count: number): Promise<Params> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = await client.query<{ id: number }>(
      `SELECT "id" FROM "Claim" ORDER BY hashint4("id"), "id" LIMIT $1`,
      [count],
    );
    const names = await client.query<{ name: string }>(
      `SELECT a."name" FROM "Claim" c JOIN "Actor" a ON a."id" = c."claimantId"
       GROUP BY a."id", a."name" ORDER BY count(*) DESC, a."id" LIMIT $1`,
      [count],
    );
    const ranges = [
      ["2023-01-01", "2023-12-31"],
      ["2024-01-01", "2024-06-30"],
      ["2024-07-01", "2025-12-31"],
    ] as const;
    const queries = [
      "prisoner exchange",
      "ceasefire talks",
      "humanitarian aid",
      '"border security"',
      "grain agreement -drone",
      "delegation or spokesperson",
      "evacuation corridor",
      "donor conference",
    ];
    const kinds = [
      ["NEGOTIATION", "AGREEMENT"],
      ["PRISONER_EXCHANGE"],
      ["MILITARY_ACTION", "HUMANITARIAN", "TRANSFER"],
      ["STATEMENT", "MEDIA_COVERAGE", "OTHER"],
    ];
    return {
      W1: ids.rows.map((r) => ({ id: r.id })),
      W2: [{}],
      W3: names.rows.map((r, i) => {
        const [from, to] = ranges[i % ranges.length] as readonly [string, string];
        return { name: r.name, from, to };
      }),
      W4: queries
        .slice(0, Math.max(2, Math.min(count, queries.length)))
        .map((query) => ({ query })),
      W5: kinds.map((k) => ({ kinds: k })),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Equality

function firstDifference(a: unknown, b: unknown, path = "$"): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as any)[key], (b as any)[key], `${path}.${key}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

async function answer(server: Server, workload: ReadWorkload, system: System, params: unknown) {
  const response = await post(server, workload.request(system, params));
  if (response.status !== 200 || !verifyBody(response.text)) {
    throw new Error(
      `${system} ${workload.name} answered ${response.status}: ${response.text.slice(0, 500)}\nserver log:\n${server.recentLog()}`,
    );
  }
  return workload.canonical(system, response.json.data);
}

// ---------------------------------------------------------------------------------------------
// Writes (W6)

const WRITE_BASE = 10_000_000;

class Writes {
  #next = WRITE_BASE;
  readonly #pool: Pool;
  constructor(pool: Pool) {
    this.#pool = pool;
  }
  /**
   * A new document (never seen by the database) and its annotation, as JSON text. Its events
   * are its own (the pool's, under a slug of this document): an import upserts its events, and
   * concurrent imports of the pool's shared events queue on those rows' locks in either system,
   * so a round would time the lock queue, not the systems. Actors stay shared: both systems
   * only insert the missing ones (and newsgraph fills a missing description).
   */
  next() {
    const n = this.#next++;
    const doc = generateDocument(this.#pool, n);
    const annotation = toAnnotation(this.#pool, doc);
    const own = (slug: string) => `${slug}-w${n}`;
    for (const event of annotation.events) event.slug = own(event.slug);
    for (const claim of annotation.claims) if (claim.event) claim.event = own(claim.event);
    return {
      title: doc.title,
      body: doc.body,
      publishedAt: doc.publishedAt.toISOString(),
      annotations: JSON.stringify(annotation),
      expected: {
        claims: doc.claims.length,
        actorMentions: doc.actorMentions.length,
        eventMentions: doc.eventMentions.length,
        subjects: doc.claims.reduce((n, c) => n + c.subjects.length, 0),
      },
    };
  }
}

type WritePayload = ReturnType<Writes["next"]>;

function createRequest(system: System, w: WritePayload): HttpRequest {
  return system === "newsgraph"
    ? {
        path: "/graphql",
        body: JSON.stringify({
          query: CREATE_DOCUMENT,
          variables: { in: { title: w.title, body: w.body, publishedAt: w.publishedAt } },
        }),
      }
    : {
        path: "/w6create",
        body: JSON.stringify({ title: w.title, body: w.body, publishedAt: w.publishedAt }),
      };
}

function importRequest(system: System, documentId: string | number, w: WritePayload): HttpRequest {
  return system === "newsgraph"
    ? {
        path: "/graphql",
        body: `{"query":${JSON.stringify(IMPORT_ANNOTATIONS)},"variables":{"in":{"documentId":${JSON.stringify(documentId)},"mode":"MERGE","annotations":${w.annotations}}}}`,
      }
    : {
        path: "/w6import",
        body: `{"documentId":${Number(documentId)},"annotations":${w.annotations}}`,
      };
}

const createdId = (system: System, json: any) =>
  system === "newsgraph" ? json.data.createDocument.document.id : json.data.id;

/** Writes one payload through `system` and checks the database holds exactly the annotation. */
async function checkWrite(server: Server, system: System, w: WritePayload, url: string) {
  const created = await post(server, createRequest(system, w));
  if (!verifyBody(created.text))
    throw new Error(
      `${system} W6 create: ${created.text.slice(0, 500)}\nserver log:\n${server.recentLog()}`,
    );
  const imported = await post(server, importRequest(system, createdId(system, created.json), w));
  if (!verifyBody(imported.text))
    throw new Error(
      `${system} W6 import: ${imported.text.slice(0, 500)}\nserver log:\n${server.recentLog()}`,
    );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT d."id",
        (SELECT count(*)::int FROM "Claim" c WHERE c."documentId" = d."id") AS claims,
        (SELECT count(*)::int FROM "ActorMention" m WHERE m."documentId" = d."id") AS "actorMentions",
        (SELECT count(*)::int FROM "EventMention" m WHERE m."documentId" = d."id") AS "eventMentions",
        (SELECT count(*)::int FROM "ClaimSubject" s JOIN "Claim" c ON c."id" = s."claimId" WHERE c."documentId" = d."id") AS subjects,
        (SELECT count(*)::int FROM "Claim" c WHERE c."documentId" = d."id"
           AND substr(d."body", c."spanStart" + 1, c."spanEnd" - c."spanStart") <> c."spanText") AS "badSpans"
       FROM "Document" d WHERE d."title" = $1 AND d."body" = $2`,
      [w.title, w.body],
    );
    const row = rows[0];
    const got = row && {
      claims: row.claims,
      actorMentions: row.actorMentions,
      eventMentions: row.eventMentions,
      subjects: row.subjects,
    };
    const diff = firstDifference(got, w.expected);
    if (diff || row.badSpans !== 0)
      throw new Error(`${system} W6 stored ${JSON.stringify(row)}: ${diff}`);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Load

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface LoadSpec {
  server: Server;
  system: System | string;
  workload: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
}

async function load(spec: LoadSpec): Promise<Measurement> {
  await stats(spec.server);
  const latencies: number[] = [];
  const instance = autocannon({
    url: spec.server.origin,
    connections: spec.connections,
    pipelining: 1,
    duration: spec.seconds,
    method: "POST",
    headers: spec.server.headers,
    requests: spec.requests,
    verifyBody,
  } as autocannon.Options) as unknown as Promise<autocannon.Result> & autocannon.Instance;
  instance.on(
    "response",
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    },
  );
  const result = await instance;
  const after = await stats(spec.server);
  latencies.sort((a, b) => a - b);
  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx`);
  if (result.mismatches > 0) problems.push(`${result.mismatches} with errors in the body`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
  if (result.requests.total === 0) problems.push("no request completed");
  return {
    system: spec.system,
    workload: spec.workload,
    connections: spec.connections,
    requestsPerSecond: result.requests.total / spec.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    valid: problems.length === 0,
    problems,
    rssMb: after.rss / 1024 / 1024,
  };
}

/** Rotates through the parameter sets, one request each. */
export function readRequests(
  workload: ReadWorkload,
  system: System,
  params: unknown[],
): autocannon.Request[] {
  const bodies = params.map((p) => workload.request(system, p));
  let i = 0;
  return [
    {
      method: "POST",
      path: bodies[0]?.path,
      setupRequest: (req: any) => {
        const next = bodies[i++ % bodies.length] as HttpRequest;
        return { ...req, path: next.path, body: next.body };
      },
    },
  ];
}

/** create → import, per connection, each with a fresh document. */
function writeRequests(
  system: System,
  supply: () => WritePayload,
  headers: Record<string, string>,
) {
  return [
    {
      method: "POST",
      path: system === "newsgraph" ? "/graphql" : "/w6create",
      headers,
      setupRequest: (req: any, context: any) => {
        const w = supply();
        context.payload = w;
        const r = createRequest(system, w);
        return { ...req, path: r.path, body: r.body };
      },
      onResponse: (status: number, body: string, context: any) => {
        try {
          context.documentId = status === 200 ? createdId(system, JSON.parse(body)) : null;
        } catch {
          context.documentId = null;
        }
      },
    },
    {
      method: "POST",
      path: system === "newsgraph" ? "/graphql" : "/w6import",
      headers,
      setupRequest: (req: any, context: any) => {
        // A failed create already made the round invalid; this request then fails too.
        const r = importRequest(system, context.documentId ?? 0, context.payload);
        return { ...req, path: r.path, body: r.body };
      },
    },
  ] as autocannon.Request[];
}

// ---------------------------------------------------------------------------------------------
// Samples: statements and rows read per request, measured apart from the timed runs.

/**
 * Rows PostgreSQL read from our tables so far: sequential-scan rows plus rows fetched through
 * indexes, summed over the user tables (catalog reads of new connections stay out).
 */
async function tuples(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query(
      `SELECT COALESCE(sum(COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0)), 0)::float8 AS n
       FROM pg_stat_user_tables`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sample(
  server: Server,
  system: System,
  workload: ReadWorkload,
  params: unknown[],
  options: {
    url: string;
    rowsRead: boolean;
    settled?: boolean;
    traced?: Server;
  },
): Promise<Sample> {
  const count = Math.max(params.length, 5);
  // PostgreSQL 15 flushes a backend's counters at most once a second, and an idle backend's
  // within 10 s: wait that out on both sides of the sample (the wait after one sample is the
  // wait before the next).
  if (options.rowsRead && !options.settled) await sleep(11_000);
  const before = options.rowsRead ? await tuples(options.url) : 0;
  await stats(server, true);
  let rowsReturned = 0;
  for (let i = 0; i < count; i++) {
    const canonical = await answer(server, workload, system, params[i % params.length]);
    rowsReturned += workload.rows(canonical);
  }
  const { statements } = await stats(server);
  let rowsRead: number | undefined;
  if (options.rowsRead) {
    await sleep(11_000);
    rowsRead = ((await tuples(options.url)) - before) / Math.max(1, rowsReturned);
  }
  let traced: number | undefined;
  if (options.traced) {
    const response = await post(options.traced, workload.request(system, params[0]));
    traced = response.json.extensions?.sql?.statements;
  }
  return {
    system,
    workload: workload.name,
    statements: statements / count,
    ...(traced === undefined ? {} : { traced }),
    ...(rowsRead === undefined ? {} : { rowsRead }),
    rowsReturned: rowsReturned / count,
  };
}

// ---------------------------------------------------------------------------------------------
// The run

/** The CI smoke: 50 documents, every equality check and sample, nothing timed. */
export function smokeOptions(databaseUrl: string, log: (line: string) => void): BenchOptions {
  return {
    databaseUrl,
    docs: 50,
    seconds: 0,
    rounds: 1,
    connections: [10],
    growth: [],
    pgliteDocs: 0,
    rowsRead: false,
    keep: false,
    smoke: true,
    log,
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const base = options.databaseUrl;
  const mainName = new URL(base).pathname.slice(1) || "newsgraph_bench";
  const result: BenchResult = {
    options: { ...options, log: undefined } as unknown as BenchResult["options"],
    generation: [],
    equality: [],
    measurements: [],
    samples: [],
    pglite: [],
    pgliteSamples: [],
    strategies: [],
    strategySamples: [],
    growth: [],
    versions: await versions(base),
  };
  const cleanup: (() => Promise<void>)[] = [];
  try {
    // 1. The corpus.
    log(`corpus: ${options.docs} documents into ${mainName}`);
    await recreate(base, mainName);
    if (!options.keep)
      cleanup.push(() => admin(base, `DROP DATABASE IF EXISTS "${mainName}" WITH (FORCE)`));
    const pool = generatePool(options.docs);
    const main = await prepare(urlFor(base, mainName), pool, 0, options.docs, log);
    result.generation.push({ ...main.generation, database: "PostgreSQL" });
    log(
      `  ${main.generation.rows} rows in ${(main.generation.ms / 1000).toFixed(1)} s (${Math.round((main.generation.rows / main.generation.ms) * 1000)} rows/s)`,
    );

    // 2. Three servers (and a traced newsgraph for the statement counts Prisma reports).
    const env = {
      DATABASE_URL: main.url,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      REDIS_URL: "",
    };
    const auth = { authorization: `Bearer ${main.apiKey}` };
    const [newsgraph, postgraphile, floor, traced, onQuery, onQueryTraced] = await startAll([
      startServer("newsgraph", "newsgraph.ts", env),
      startServer("postgraphile", "postgraphile.ts", env),
      startServer("floor", "floor.ts", env),
      startServer("newsgraph (traced)", "newsgraph.ts", { ...env, GRAPHQL_SQL_TRACE: "1" }),
      // The same newsgraph on Prisma's other relation load strategy, for join vs query.
      startServer(QUERY_STRATEGY, "newsgraph.ts", {
        ...env,
        BENCH_RELATION_LOAD_STRATEGY: "query",
      }),
      startServer(`${QUERY_STRATEGY} (traced)`, "newsgraph.ts", {
        ...env,
        BENCH_RELATION_LOAD_STRATEGY: "query",
        GRAPHQL_SQL_TRACE: "1",
      }),
    ]);
    const queryStrategy = onQuery as Server;
    const servers: Record<System, Server> = {
      newsgraph: newsgraph as Server,
      postgraphile: postgraphile as Server,
      floor: floor as Server,
    };
    cleanup.unshift(() =>
      Promise.all(
        [newsgraph, postgraphile, floor, traced, onQuery, onQueryTraced].map((s) =>
          (s as Server).stop(),
        ),
      ).then(() => {}),
    );
    log(
      "servers: " +
        Object.values(servers)
          .map((s) => `${s.system} ${s.origin}`)
          .join(", "),
    );

    // 3. Equal answers before any timing.
    const params = await chooseParams(main.url, options.smoke ? 3 : 10);
    for (const workload of READ_WORKLOADS) {
      const list = params[workload.name] as unknown[];
      let detail: string | undefined;
      for (const p of list) {
        const answers = [] as { system: System; canonical: unknown }[];
        for (const system of workload.systems) {
          answers.push({ system, canonical: await answer(servers[system], workload, system, p) });
        }
        const reference = answers[0] as { system: System; canonical: unknown };
        for (const other of answers.slice(1)) {
          const diff = firstDifference(reference.canonical, other.canonical);
          if (diff)
            detail ??= `${JSON.stringify(p)}: ${reference.system} vs ${other.system} at ${diff}`;
        }
        const onQueryAnswer = await answer(queryStrategy, workload, "newsgraph", p);
        const strategyDiff = firstDifference(reference.canonical, onQueryAnswer);
        if (strategyDiff)
          detail ??= `${JSON.stringify(p)}: newsgraph on join vs on query at ${strategyDiff}`;
        if (workload.rows(reference.canonical) === 0 && workload.name !== "W5") {
          detail ??= `${JSON.stringify(p)}: empty answer, nothing compared`;
        }
      }
      result.equality.push({
        workload: workload.name,
        params: list.length,
        systems: [...workload.systems, QUERY_STRATEGY],
        ok: !detail,
        ...(detail ? { detail } : {}),
      });
      log(
        `equal ${workload.name} (${list.length} parameter sets, ${[...workload.systems, QUERY_STRATEGY].join(" = ")}): ${detail ?? "ok"}`,
      );
    }
    const writes = new Writes(pool);
    for (const system of ["newsgraph", "floor"] as const) {
      await checkWrite(
        { ...servers[system], headers: { ...servers[system].headers, ...auth } },
        system,
        writes.next(),
        main.url,
      );
    }
    result.equality.push({ workload: "W6", params: 1, systems: ["newsgraph", "floor"], ok: true });
    log("equal W6 (stored rows = the annotation, spans hold): ok");
    const failed = result.equality.filter((e) => !e.ok);
    if (failed.length > 0) {
      throw new Error(
        `the systems disagree: ${failed.map((f) => `${f.workload}: ${f.detail}`).join("; ")}`,
      );
    }

    // 4. Statements (and rows read) per request.
    let settled = false;
    for (const workload of READ_WORKLOADS) {
      for (const system of workload.systems) {
        const s = await sample(
          servers[system],
          system,
          workload,
          params[workload.name] as unknown[],
          {
            url: main.url,
            rowsRead: options.rowsRead,
            settled,
            ...(system === "newsgraph" ? { traced: traced as Server } : {}),
          },
        );
        settled = true;
        result.samples.push(s);
        log(
          `sample ${workload.name} ${system}: ${s.statements.toFixed(1)} statements${s.traced === undefined ? "" : ` (trace: ${s.traced})`}, ${s.rowsReturned.toFixed(1)} rows returned${s.rowsRead === undefined ? "" : `, ${s.rowsRead.toFixed(1)} rows read per row returned`}`,
        );
      }
    }
    for (const workload of READ_WORKLOADS) {
      const s = await sample(
        queryStrategy,
        "newsgraph",
        workload,
        params[workload.name] as unknown[],
        {
          url: main.url,
          rowsRead: options.rowsRead,
          settled,
          traced: onQueryTraced as Server,
        },
      );
      result.strategySamples.push({ ...s, system: QUERY_STRATEGY });
      log(
        `sample ${workload.name} ${QUERY_STRATEGY}: ${s.statements.toFixed(1)} statements (trace: ${s.traced})${s.rowsRead === undefined ? "" : `, ${s.rowsRead.toFixed(1)} rows read per row returned`}`,
      );
    }
    for (const system of ["newsgraph", "floor"] as const) {
      await stats(servers[system], true);
      const w = writes.next();
      await checkWrite(
        { ...servers[system], headers: { ...servers[system].headers, ...auth } },
        system,
        w,
        main.url,
      );
      const { statements } = await stats(servers[system]);
      result.samples.push({ system, workload: "W6", statements, rowsReturned: 2 });
      log(`sample W6 ${system}: ${statements} statements per create + import`);
    }
    await traced?.stop();
    await onQueryTraced?.stop();

    if (options.seconds > 0) {
      // 5. Timed runs: per workload and connection count, rounds of A B C.
      const warm = Math.min(3, options.seconds);
      for (const workload of READ_WORKLOADS) {
        for (const connections of options.connections) {
          for (const system of workload.systems) {
            await load({
              server: servers[system],
              system,
              workload: workload.name,
              connections,
              seconds: warm,
              requests: readRequests(workload, system, params[workload.name] as unknown[]),
            });
          }
          for (let round = 0; round < options.rounds; round++) {
            for (const system of workload.systems) {
              const m = await load({
                server: servers[system],
                system,
                workload: workload.name,
                connections,
                seconds: options.seconds,
                requests: readRequests(workload, system, params[workload.name] as unknown[]),
              });
              result.measurements.push(m);
              log(formatMeasurement(m, round));
            }
          }
        }
      }
      // join vs query: newsgraph as shipped against itself on "query", 10 connections, A B A B.
      for (const workload of READ_WORKLOADS) {
        const pair = [
          { server: servers.newsgraph, system: "newsgraph" },
          { server: queryStrategy, system: QUERY_STRATEGY },
        ];
        for (const { server, system } of pair) {
          await load({
            server,
            system,
            workload: workload.name,
            connections: 10,
            seconds: warm,
            requests: readRequests(workload, "newsgraph", params[workload.name] as unknown[]),
          });
        }
        for (let round = 0; round < options.rounds; round++) {
          for (const { server, system } of pair) {
            const m = await load({
              server,
              system,
              workload: workload.name,
              connections: 10,
              seconds: options.seconds,
              requests: readRequests(workload, "newsgraph", params[workload.name] as unknown[]),
            });
            result.strategies.push(m);
            log(formatMeasurement(m, round));
          }
        }
      }
      // W6 last: it adds documents.
      for (const connections of options.connections) {
        for (let round = 0; round < options.rounds; round++) {
          for (const system of ["newsgraph", "floor"] as const) {
            const buffer: WritePayload[] = [];
            for (let i = 0; i < 300; i++) buffer.push(writes.next());
            const supply = () => buffer.pop() ?? writes.next();
            const m = await load({
              server: servers[system],
              system,
              workload: "W6",
              connections,
              seconds: options.seconds,
              requests: writeRequests(system, supply, auth),
            });
            result.measurements.push(m);
            log(formatMeasurement(m, round));
          }
        }
      }
    }
    await Promise.all([...Object.values(servers), queryStrategy].map((s) => s.stop()));

    // 6. PGlite vs PostgreSQL, newsgraph only, W1–W3.
    if (options.pgliteDocs > 0) {
      const n = options.pgliteDocs;
      log(`pglite: ${n} documents, newsgraph on PGlite vs on PostgreSQL`);
      const smallPool = generatePool(n);
      const dir = mkdtempSync(join(tmpdir(), "newsgraph-bench-pglite-"));
      cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
      const lite = await prepare(`pglite:${dir}`, smallPool, 0, n, log);
      result.generation.push({ ...lite.generation, database: "PGlite" });
      const smallName = `${mainName}_small`;
      await recreate(base, smallName);
      if (!options.keep)
        cleanup.push(() => admin(base, `DROP DATABASE IF EXISTS "${smallName}" WITH (FORCE)`));
      const small = await prepare(urlFor(base, smallName), smallPool, 0, n, log);
      const [onLite, onPg] = (await startAll([
        startServer("newsgraph-pglite", "newsgraph.ts", { ...env, DATABASE_URL: lite.url }),
        startServer("newsgraph-postgres", "newsgraph.ts", { ...env, DATABASE_URL: small.url }),
      ])) as [Server, Server];
      try {
        const smallParams = await chooseParams(small.url, options.smoke ? 3 : 10);
        for (const workload of READ_WORKLOADS.slice(0, 3)) {
          const list = smallParams[workload.name] as unknown[];
          for (const p of list) {
            const diff = firstDifference(
              await answer(onLite, workload, "newsgraph", p),
              await answer(onPg, workload, "newsgraph", p),
            );
            if (diff)
              throw new Error(`PGlite and PostgreSQL disagree on ${workload.name}: ${diff}`);
          }
          for (const server of [onLite, onPg]) {
            const s = await sample(server, "newsgraph", workload, list, {
              url: small.url,
              rowsRead: false,
            });
            result.pgliteSamples.push({ ...s, system: server.system });
          }
          if (options.seconds > 0) {
            for (let round = 0; round < options.rounds; round++) {
              for (const server of [onLite, onPg]) {
                const m = await load({
                  server,
                  system: server.system,
                  workload: workload.name,
                  connections: 10,
                  seconds: options.seconds,
                  requests: readRequests(workload, "newsgraph", list),
                });
                result.pglite.push(m);
                log(formatMeasurement(m, round));
              }
            }
          }
        }
      } finally {
        await onLite.stop();
        await onPg.stop();
      }
    }

    // 7. W2 as the corpus grows.
    if (options.growth.length > 0) {
      const steps = [...options.growth].sort((a, b) => a - b);
      const growthName = `${mainName}_growth`;
      await recreate(base, growthName);
      if (!options.keep)
        cleanup.push(() => admin(base, `DROP DATABASE IF EXISTS "${growthName}" WITH (FORCE)`));
      const growthPool = generatePool(steps[steps.length - 1] as number);
      const growthUrl = urlFor(base, growthName);
      let done = 0;
      let growthServers: Server[] = [];
      try {
        for (const step of steps) {
          log(`growth: ${done} → ${step} documents`);
          const prepared = await prepare(growthUrl, growthPool, done, step, log);
          done = step;
          if (growthServers.length === 0) {
            const genv = { ...env, DATABASE_URL: growthUrl };
            growthServers = await startAll([
              startServer("newsgraph", "newsgraph.ts", genv),
              startServer("postgraphile", "postgraphile.ts", genv),
              startServer("floor", "floor.ts", genv),
            ]);
          }
          const measurements: Measurement[] = [];
          const w2 = READ_WORKLOADS[1] as ReadWorkload;
          const seconds = Math.min(options.seconds, 10);
          const answers = await Promise.all(
            SYSTEMS.map((s, i) => answer(growthServers[i] as Server, w2, s, {})),
          );
          for (const other of answers.slice(1)) {
            const diff = firstDifference(answers[0], other);
            if (diff) throw new Error(`growth ${step}: W2 answers differ at ${diff}`);
          }
          if (seconds > 0) {
            for (const [i, system] of SYSTEMS.entries()) {
              await load({
                server: growthServers[i] as Server,
                system,
                workload: "W2",
                connections: 10,
                seconds: Math.min(2, seconds),
                requests: readRequests(w2, system, [{}]),
              });
            }
            for (const [i, system] of SYSTEMS.entries()) {
              const m = await load({
                server: growthServers[i] as Server,
                system,
                workload: "W2",
                connections: 10,
                seconds,
                requests: readRequests(w2, system, [{}]),
              });
              measurements.push(m);
              log(`  ${step} docs: ${formatMeasurement(m, 0)}`);
            }
          }
          result.growth.push({ docs: step, generation: prepared.generation, measurements });
        }
      } finally {
        await Promise.all(growthServers.map((s) => s.stop()));
      }
    }
    return result;
  } finally {
    for (const step of cleanup) await step().catch((error) => log(`cleanup: ${error}`));
  }
}

function formatMeasurement(m: Measurement, round: number): string {
  return `${m.workload} c=${m.connections} round ${round + 1} ${m.system.padEnd(18)} ${m.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} p99 ${m.p99.toFixed(1)} ms  rss ${m.rssMb.toFixed(0)} MB${m.valid ? "" : `  INVALID: ${m.problems.join(", ")}`}`;
}

async function versions(base: string): Promise<Record<string, string>> {
  // Read from node_modules: some packages' "exports" do not expose package.json.
  const version = (name: string) => {
    try {
      return (
        JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
          version: string;
        }
      ).version;
    } catch {
      return "?";
    }
  };
  const client = new pg.Client({ connectionString: urlFor(base, "postgres") });
  await client.connect();
  const server = (await client.query("SHOW server_version")).rows[0]?.server_version as string;
  await client.end();
  return {
    node: process.version,
    postgresql: server,
    "@prisma/client": version("@prisma/client"),
    "graphql-yoga": version("graphql-yoga"),
    "@pothos/core": version("@pothos/core"),
    "@electric-sql/pglite": version("@electric-sql/pglite"),
    postgraphile: version("postgraphile"),
    "postgraphile-plugin-connection-filter": version("postgraphile-plugin-connection-filter"),
    autocannon: version("autocannon"),
    pg: version("pg"),
  };
}
