// Debian's Chromium driven by playwright-core (no browser download): headless, a fresh profile
// per run, no background traffic of its own. Every request the page makes is recorded, so a
// test can assert that nothing left the server under test.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Where screenshots go: a git-ignored folder, kept as test artifacts. */
export const ARTIFACTS = fileURLToPath(new URL("../../../test-results/e2e/", import.meta.url));

/**
 * Whether the browser tests can run. Outside CI a machine without Chromium skips them; in CI
 * (.ci/run installs it) a missing Chromium is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) {
    throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
  }
  return false;
}

export interface Browser {
  context: BrowserContext;
  /** Every URL requested by any page of the context, in order. */
  requests: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
  });
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    requests,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const screenshotPath = (name: string) => join(ARTIFACTS, `${name}.png`);
