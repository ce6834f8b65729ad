// src/plugins/web-app.ts on a build of its own (a temporary folder): content types, caching,
// client routes, refused paths, PERSISTED_ONLY, and the message when there is no build.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { resolveWebPath, useWebApp } from "../../src/plugins/web-app.ts";

const INDEX = `<!doctype html><html><head><meta name="newsgraph-persisted-only" content="0" /></head><body>page</body></html>`;

function build(): string {
  const root = mkdtempSync(join(tmpdir(), "newsgraph-web-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), INDEX);
  writeFileSync(join(root, "assets", "index-abc123.js"), "console.log(1)");
  writeFileSync(
    join(root, "assets", "inter-latin-400-x1.woff2"),
    Buffer.from([0x77, 0x4f, 0x46, 0x32]),
  );
  writeFileSync(join(root, "favicon.svg"), "<svg/>");
  writeFileSync(join(root, ".secret"), "no");
  writeFileSync(join(tmpdir(), "outside.txt"), "outside");
  return root;
}

function server(root: string, persistedOnly = false) {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: "type Query { hello: String }",
      resolvers: { Query: { hello: () => "hi" } },
    }),
    plugins: [useWebApp({ root, persistedOnly })],
    landingPage: false,
    logging: false,
  });
  return (path: string, init: RequestInit = {}) => yoga.fetch(`http://localhost${path}`, init);
}

describe("the front end's files", () => {
  const root = build();
  const get = server(root);

  it("serves index.html at / and at every client route, never cached", async () => {
    for (const path of [
      "/",
      "/documents/some-slug",
      "/timeline?document=x",
      "/actors/Dmitry%20Peskov",
      // Names with dots are routes too, not files with an odd extension.
      "/actors/U.S.%20State%20Department",
      "/actors/Amazon.com",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toContain("connect-src 'self'");
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("caches hashed assets for a year, other files not", async () => {
    const script = await get("/assets/index-abc123.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    const font = await get("/assets/inter-latin-400-x1.woff2");
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(
      new Uint8Array([0x77, 0x4f, 0x46, 0x32]),
    );
    const icon = await get("/favicon.svg");
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 404 for a missing file, not the page", async () => {
    const response = await get("/assets/index-gone.js");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("never serves anything outside the build, or dotfiles", async () => {
    for (const path of [
      "/../outside.txt",
      "/%2e%2e/outside.txt",
      "/assets/%2e%2e/%2e%2e/outside.txt",
      "/%2e%2e%2foutside.txt",
      "/..%5coutside.txt",
      "/assets%00.js",
      "/.secret",
      "/%2esecret",
      "/%E0%A4%A.js",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("outside");
    }
    // `..` above the root stays at the root, as in URL resolution: never outside it.
    expect(resolveWebPath("/%2e%2e/%2e%2e/x.txt", `${root}/`)).toBe(join(root, "x.txt"));
    expect(resolveWebPath("/a/..%2f..%2f..%2fx.txt", `${root}/`)).toBe(join(root, "x.txt"));
    expect(resolveWebPath("/assets/a.js", `${root}/`)).toBe(join(root, "assets", "a.js"));
  });

  it("answers HEAD without a body, and leaves other methods and /graphql alone", async () => {
    const head = await get("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const graphql = await get("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ hello }" }),
    });
    expect(await graphql.json()).toEqual({ data: { hello: "hi" } });
    const post = await get("/", { method: "POST", body: "x" });
    expect(post.status).toBe(404);
  });

  it("tells the page to send persisted ids when PERSISTED_ONLY is on", async () => {
    const page = await (await server(root, true)("/")).text();
    expect(page).toContain('<meta name="newsgraph-persisted-only" content="1"');
  });

  it("explains how to build the page when there is no build", async () => {
    const missing = server(join(tmpdir(), "newsgraph-no-such-build"));
    const response = await missing("/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:web");
    expect((await missing("/documents/x")).status).toBe(503);
  });
});
