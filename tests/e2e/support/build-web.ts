// Vitest global setup of the e2e project: the browser tests run against web/dist, the build the
// server serves. Build it (codegen, then Vite) when it is missing or older than any source of
// the page, so a test never passes or fails on a stale page.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WEB = join(ROOT, "web");
const BUILT = join(WEB, "dist", "index.html");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["dist", "generated", "node_modules"].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  let built = 0;
  try {
    built = statSync(BUILT).mtimeMs;
  } catch {}
  const sources = Math.max(newestSource(WEB), statSync(join(ROOT, "schema.graphql")).mtimeMs);
  if (built > sources) return;
  // build:web sets NODE_ENV=production itself: Vitest's NODE_ENV=test would bundle React's
  // development build.
  execFileSync("npm", ["run", "--silent", "build:web"], { cwd: ROOT, stdio: "inherit" });
}
