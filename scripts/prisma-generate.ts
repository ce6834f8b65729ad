// npm run generate: `prisma generate` that never tries to download a schema engine.
// On start-up the CLI fetches the native schema engine when it is missing, although generate
// never runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the fetch.
// The app migrates through the wasm engine in src/db instead.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");

const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
