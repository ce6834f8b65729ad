// The Markdown report of a run: machine, versions, commands, and one table per workload with
// the ratios newsgraph/PostGraphile and newsgraph/floor.
import { cpus, totalmem } from "node:os";
import type { BenchResult, Measurement, Sample } from "./harness.ts";
import { READ_WORKLOADS, W6_MISSING, W6_TITLE } from "./workloads.ts";

const fmt = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits);

/** Median over rounds of each (system, workload, connections); invalid if any round was. */
function combine(list: Measurement[]): Measurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of list) {
    const key = `${m.workload}|${m.connections}|${m.system}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((rounds) => {
    const median = (pick: (m: Measurement) => number) => {
      const values = rounds.map(pick).sort((a, b) => a - b);
      const mid = Math.floor(values.length / 2);
      return values.length % 2
        ? (values[mid] as number)
        : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
    };
    const first = rounds[0] as Measurement;
    return {
      ...first,
      requestsPerSecond: median((m) => m.requestsPerSecond),
      p50: median((m) => m.p50),
      p95: median((m) => m.p95),
      p99: median((m) => m.p99),
      requests: rounds.reduce((n, m) => n + m.requests, 0),
      valid: rounds.every((m) => m.valid),
      problems: rounds.flatMap((m) => m.problems),
      rssMb: Math.max(...rounds.map((m) => m.rssMb)),
    };
  });
}

function table(measurements: Measurement[], samples: Sample[], reference = "newsgraph"): string[] {
  const lines = [
    "| connections | system | req/s | p50 ms | p95 ms | p99 ms | SQL statements / req | rows read / row returned | RSS MB | valid | req/s ratio newsgraph ÷ system |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  ];
  const combined = combine(measurements);
  for (const connections of [...new Set(combined.map((m) => m.connections))]) {
    const rows = combined.filter((m) => m.connections === connections);
    const ref = rows.find((m) => m.system === reference);
    for (const m of rows) {
      const s = samples.find((x) => x.system === m.system && x.workload === m.workload);
      const statements = m.system.includes("pglite")
        ? "n/a (no pg driver; same Prisma queries)"
        : s
          ? `${fmt(s.statements)}${s.traced === undefined ? "" : ` (trace ${s.traced})`}`
          : "–";
      const ratio =
        ref && m.system !== reference ? fmt(ref.requestsPerSecond / m.requestsPerSecond, 2) : "";
      lines.push(
        `| ${connections} | ${m.system} | ${fmt(m.requestsPerSecond)} | ${fmt(m.p50, 0)} | ${fmt(m.p95, 0)} | ${fmt(m.p99, 0)} | ${statements} | ${fmt(s?.rowsRead)} | ${fmt(m.rssMb, 0)} | ${m.valid ? "yes" : `**INVALID** (${m.problems.join(", ")})`} | ${ratio} |`,
      );
    }
  }
  return lines;
}

export function renderReport(result: BenchResult, command: string): string {
  const o = result.options;
  const cpu = cpus();
  const out: string[] = [
    `# newsgraph benchmark, ${new Date().toISOString().slice(0, 10)}`,
    "",
    `Command: \`${command}\``,
    "",
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load generator, the three servers and PostgreSQL share it (loopback).`,
    "",
    `Versions: ${Object.entries(result.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
    "",
    `Corpus: ${o.docs} documents (seeded generator, bench/corpus.ts); rounds of ${o.seconds} s × ${o.rounds} per system, interleaved A B C; connections ${o.connections.join(", ")}, pipelining 1; medians over rounds.`,
    "",
    "## Generation",
    "",
    "| database | documents | rows | seconds | rows/s |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...result.generation.map(
      (g) =>
        `| ${g.database} | ${g.documents} | ${g.rows} | ${fmt(g.ms / 1000)} | ${fmt((g.rows / g.ms) * 1000, 0)} |`,
    ),
    ...result.growth.map(
      (g) =>
        `| PostgreSQL (growth to ${g.docs}) | ${g.generation.documents} | ${g.generation.rows} | ${fmt(g.generation.ms / 1000)} | ${fmt((g.generation.rows / g.generation.ms) * 1000, 0)} |`,
    ),
    "",
    ...summary(result),
    "## Equality gate (before timing)",
    "",
    ...result.equality.map(
      (e) =>
        `- ${e.workload}: ${e.systems.join(" = ")} on ${e.params} parameter set(s): ${e.ok ? "equal" : `**differ**: ${e.detail}`}`,
    ),
    "",
  ];
  for (const workload of READ_WORKLOADS) {
    out.push(`## ${workload.name}: ${workload.title}`, "");
    if (workload.missing) out.push(`PostGraphile: no equivalent. ${workload.missing}.`, "");
    const ms = result.measurements.filter((m) => m.workload === workload.name);
    if (ms.length > 0) out.push(...table(ms, result.samples), "");
    else out.push(...samplesOnly(result.samples.filter((s) => s.workload === workload.name)), "");
  }
  out.push(
    `## W6: ${W6_TITLE}`,
    "",
    `${W6_MISSING}. One request = a create or an import (a pair per document).`,
    "",
  );
  const w6 = result.measurements.filter((m) => m.workload === "W6");
  if (w6.length > 0) out.push(...table(w6, result.samples), "");
  else out.push(...samplesOnly(result.samples.filter((s) => s.workload === "W6")), "");
  if (result.strategies.length > 0 || result.strategySamples.length > 0) {
    out.push(
      "## Prisma relationLoadStrategy: join (shipped) vs query (10 connections)",
      "",
      'The same newsgraph server code; `newsgraph-query` serves the read paths with `relationLoadStrategy: "query"` (one statement per relation level, a nested `take` cut in memory). Interleaved A B A B; the ratio is join ÷ query.',
      "",
    );
    const samples = [
      ...result.samples.filter((x) => x.system === "newsgraph"),
      ...result.strategySamples,
    ];
    for (const workload of READ_WORKLOADS) {
      out.push(`### ${workload.name}`, "");
      const ms = result.strategies.filter((m) => m.workload === workload.name);
      if (ms.length > 0) out.push(...table(ms, samples), "");
      else out.push(...samplesOnly(samples.filter((x) => x.workload === workload.name)), "");
    }
  }
  if (result.pglite.length > 0 || result.pgliteSamples.length > 0) {
    out.push(
      `## newsgraph on PGlite vs on PostgreSQL (${o.pgliteDocs} documents, 10 connections)`,
      "",
    );
    for (const name of ["W1", "W2", "W3"]) {
      out.push(`### ${name}`, "");
      const ms = result.pglite.filter((m) => m.workload === name);
      if (ms.length > 0) out.push(...table(ms, result.pgliteSamples, "newsgraph-pglite"), "");
      else out.push(...samplesOnly(result.pgliteSamples.filter((s) => s.workload === name)), "");
    }
  }
  if (result.growth.length > 0) {
    out.push(
      "## W2 as the corpus grows (10 connections)",
      "",
      "| documents | system | req/s | p50 ms | p95 ms | p99 ms | valid |",
      "| ---: | --- | ---: | ---: | ---: | ---: | --- |",
    );
    for (const g of result.growth) {
      for (const m of g.measurements) {
        out.push(
          `| ${g.docs} | ${m.system} | ${fmt(m.requestsPerSecond)} | ${fmt(m.p50, 0)} | ${fmt(m.p95, 0)} | ${fmt(m.p99, 0)} | ${m.valid ? "yes" : "**INVALID**"} |`,
        );
      }
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** Per workload and connection count: the ratios the issue's targets are stated in. */
function summary(result: BenchResult): string[] {
  const combined = combine(result.measurements);
  if (combined.length === 0) return [];
  const lines = [
    "## Ratios (this run)",
    "",
    "req/s ratio: newsgraph ÷ other (≥ 1 means newsgraph serves more). Latency ratios: newsgraph ÷ other (≤ 1 means newsgraph is faster). Targets: W2, W3 req/s ≥ 1.0 × PostGraphile and p99 ≤ 1.0 × PostGraphile; p50 ≤ 2 × floor on W1–W3.",
    "",
    "| workload | connections | req/s ÷ PostGraphile | p99 ÷ PostGraphile | req/s ÷ floor | p50 ÷ floor |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  const workloads = [...READ_WORKLOADS.map((w) => w.name), "W6"];
  for (const workload of workloads) {
    for (const connections of result.options.connections) {
      const pick = (system: string) =>
        combined.find(
          (m) => m.workload === workload && m.connections === connections && m.system === system,
        );
      const ours = pick("newsgraph");
      if (!ours) continue;
      const pg = pick("postgraphile");
      const floor = pick("floor");
      const ratio = (a: number | undefined, b: number | undefined) =>
        a === undefined || b === undefined ? "–" : fmt(a / b, 2);
      const invalid = [ours, pg, floor].some((m) => m && !m.valid) ? " (a round INVALID)" : "";
      lines.push(
        `| ${workload}${invalid} | ${connections} | ${ratio(ours.requestsPerSecond, pg?.requestsPerSecond)} | ${ratio(ours.p99, pg?.p99)} | ${ratio(ours.requestsPerSecond, floor?.requestsPerSecond)} | ${ratio(ours.p50, floor?.p50)} |`,
      );
    }
  }
  lines.push("");
  return lines;
}

function samplesOnly(samples: Sample[]): string[] {
  return [
    "| system | SQL statements / req | rows returned / req |",
    "| --- | ---: | ---: |",
    ...samples.map(
      (s) =>
        `| ${s.system} | ${fmt(s.statements)}${s.traced === undefined ? "" : ` (trace ${s.traced})`} | ${fmt(s.rowsReturned)} |`,
    ),
  ];
}
