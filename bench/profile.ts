// Load one workload against one running server, for profiling (not part of `npm run bench`):
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/servers/newsgraph.ts &  # env as
//   npx tsx bench/profile.ts --origin http://127.0.0.1:PORT --workload W2 --seconds 10
//
// Parameters come from BENCH_DATABASE_URL's database (a corpus kept with `npm run bench -- --keep`).
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { chooseParams, readRequests } from "./harness.ts";
import { READ_WORKLOADS, type System, verifyBody } from "./workloads.ts";

const { values } = parseArgs({
  options: {
    origin: { type: "string" },
    workload: { type: "string", default: "W2" },
    system: { type: "string", default: "newsgraph" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const workload = READ_WORKLOADS.find((w) => w.name === values.workload);
if (!workload || !values.origin) throw new Error("--origin URL and --workload W1..W5 are needed");
const databaseUrl =
  process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/newsgraph_bench";
const params = (await chooseParams(databaseUrl, 10))[workload.name] as unknown[];
const result = await autocannon({
  url: values.origin,
  connections: Number(values.connections),
  duration: Number(values.seconds),
  method: "POST",
  headers: { "content-type": "application/json" },
  requests: readRequests(workload, values.system as System, params),
  verifyBody,
} as autocannon.Options);
console.log(
  `${workload.name} ${values.system}: ${(result.requests.total / Number(values.seconds)).toFixed(1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, mismatches ${result.mismatches}`,
);
