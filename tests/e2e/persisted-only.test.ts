// With PERSISTED_ONLY=1 the server runs only listed operations. The page's operations are
// listed by the build (web/src/generated/persisted-documents.json, written by codegen), the
// server tells the page so, and the page sends their ids instead of their text.
import { fileURLToPath } from "node:url";
import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumAvailable, launchBrowser } from "./support/browser.ts";
import { useSeededServer } from "./support/server.ts";

const OPERATIONS = fileURLToPath(
  new URL("../../web/src/generated/persisted-documents.json", import.meta.url),
);
const SEED_SLUG =
  "russian-soldiers-returned-from-ukrainian-captivity-held-in-belarus-defense-ministry-says";

describe.skipIf(!chromiumAvailable())("the front end with PERSISTED_ONLY=1", () => {
  const server = useSeededServer({ PERSISTED_ONLY: "1", PERSISTED_OPERATIONS_FILE: OPERATIONS });
  let browser: Browser;
  const bodies: Record<string, unknown>[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    browser.context.on("request", (request: Request) => {
      if (new URL(request.url()).pathname === "/graphql" && request.method() === "POST") {
        bodies.push(request.postDataJSON());
      }
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses a query sent as text", async () => {
    const response = await fetch(`${server.url()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ documents(first: 1) { totalCount } }" }),
    });
    expect(JSON.stringify(await response.json())).toContain("PERSISTED_QUERY_REQUIRED");
  });

  it("shows the library and the seed article, sending operation ids only", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url()}/`);
    await expect.poll(() => page.locator(".document-list > li").count()).toBe(2);
    await page.goto(`${server.url()}/documents/${SEED_SLUG}`);
    await page.locator(".article-body mark").first().waitFor();
    expect(await page.locator('mark[data-type="claim"][data-fragment="0"]').count()).toBe(34);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).not.toHaveProperty("query");
      expect(body).toHaveProperty("extensions.persistedQuery.sha256Hash");
    }
  });
});
