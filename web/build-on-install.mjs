// `npm ci` (postinstall) builds the page, so that `npm start` serves it from a fresh clone.
// An install without dev dependencies (npm ci --omit=dev) has no Vite or codegen: it says so
// and leaves the page unbuilt (the server then explains at / how to build it) instead of
// failing the install. A build that fails is a failed install.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
try {
  require.resolve("vite/package.json");
  require.resolve("@graphql-codegen/cli/package.json");
} catch {
  console.log(
    "web: dev dependencies are not installed, so the page is not built (npm run build:web)",
  );
  process.exit(0);
}
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
// build:web sets NODE_ENV=production itself, whatever the shell's NODE_ENV.
const { status } = spawnSync(npm, ["run", "--silent", "build:web"], { stdio: "inherit" });
process.exit(status ?? 1);
