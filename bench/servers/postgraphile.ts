// PostGraphile v5 over the same database: the Amber preset (its recommended defaults: filters
// and orders only on indexed columns) plus postgraphile-plugin-connection-filter, on the same
// node-postgres driver and pool size as the other two. The API keys and the migration table are
// hidden with smart tags; everything else is what PostGraphile infers from the tables.
import "./node20.ts";
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makeJSONPgSmartTagsPlugin } from "postgraphile/utils";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { announce, benchRoute } from "./instrument.ts";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on("error", () => {});

const HideInternalTables = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    class: {
      ApiKey: { tags: { behavior: "-*" } },
      _prisma_migrations: { tags: { behavior: "-*" } },
    },
  },
});

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  plugins: [HideInternalTables],
  pgServices: [
    // Our pg Pool (the instrumented driver, same size as the others' pools).
    makePgService({ pool: pool as any, schemas: ["public"] }),
  ],
  grafserv: { graphqlPath: "/graphql", watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (!benchRoute(req, res)) handler(req, res);
});
await pgl.getSchema();
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  announce(typeof address === "object" && address ? address.port : 0);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void Promise.resolve(pgl.release())
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
