// The newsroom front end (web/, built by `npm run build:web` into web/dist) at /, from the same
// process as the API. GET and HEAD only; /graphql (GraphiQL and the API), /health, /ready and
// /metrics are left to their own handlers.
//
// - Built assets (/assets/<name>-<hash>.<ext>) are cached for a year: a new build has new names.
// - Other files (favicon.svg …) and index.html are revalidated every time (`no-cache`).
// - Any other path without a file extension is a client route (/documents/<slug>, /timeline …)
//   and gets index.html, which the page's router reads; a missing file with an extension is 404.
// - Paths are decoded and normalized, and must stay inside web/dist: `..` (also encoded),
//   NUL bytes and dotfiles are refused.
// - With PERSISTED_ONLY=1 the page is told so (a <meta> tag) and sends operation ids only.
// - No build: / explains how to make one (503), the API keeps working.
import { readFile, stat } from "node:fs/promises";
import { extname, join, posix, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "graphql-yoga";

export const WEB_DIST_DIR = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The page may load and call nothing but this server. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph: front end not built</title></head>
<body><main><h1>The newsgraph front end is not built</h1>
<p>Build it with <code>npm run build:web</code> (<code>npm ci</code> does it too), then reload.
For development with hot reload, run <code>npm run dev</code>.</p>
<p>The API is running: <a href="/graphql">/graphql</a>.</p></main></body></html>
`;

export interface WebAppOptions {
  /** The built front end; default web/dist. */
  root?: string;
  /** Tell the page to send persisted operation ids only (PERSISTED_ONLY=1). */
  persistedOnly?: boolean;
  /** Paths served by others; default /graphql, /health, /ready, /metrics. */
  reserved?: readonly string[];
}

export function useWebApp(options: WebAppOptions = {}): Plugin {
  const root = (options.root ?? WEB_DIST_DIR).replace(/[/\\]+$/, "") + sep;
  const reserved = new Set(options.reserved ?? ["/graphql", "/health", "/ready", "/metrics"]);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      if (reserved.has(url.pathname) || url.pathname.startsWith("/graphql/")) return;
      return serve(url.pathname, root, options.persistedOnly ?? false).then(
        ({ status, body, headers }) => {
          headers["x-content-type-options"] = "nosniff";
          endResponse(
            new fetchAPI.Response(request.method === "HEAD" ? null : body, { status, headers }),
          );
        },
      );
    },
  };
}

interface Answer {
  status: number;
  body: string | Buffer<ArrayBuffer> | null;
  headers: Record<string, string>;
}

const text = (status: number, message: string): Answer => ({
  status,
  body: `${message}\n`,
  headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
});

/** The file under `root` a URL path names, or null when the path may not leave it. */
export function resolveWebPath(pathname: string, root: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const relative = posix.normalize(`/${decoded}`).replace(/^\/+/, "");
  const segments = relative.split("/");
  if (segments.some((segment) => segment === ".." || segment.startsWith("."))) return null;
  const file = join(root, ...segments);
  return file.startsWith(root) || `${file}${sep}` === root ? file : null;
}

/**
 * Whether a path asks for a built file rather than a client route. Only /assets/ and names with
 * an extension we serve count: an actor page such as /actors/U.S.%20State%20Department or
 * /actors/Amazon.com is a route, whatever dots its name holds.
 */
function isFileRequest(pathname: string): boolean {
  if (pathname.startsWith("/assets/")) return true;
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return Object.hasOwn(CONTENT_TYPES, extname(last).toLowerCase());
}

async function serve(pathname: string, root: string, persistedOnly: boolean): Promise<Answer> {
  const file = resolveWebPath(pathname, root);
  if (file === null) return text(404, "Not found");
  if (!isFileRequest(pathname) || file === `${root}index.html`) return index(root, persistedOnly);
  const extension = extname(file).toLowerCase();
  const contents = await readRegularFile(file);
  if (contents === null) return text(404, "Not found");
  const assets = `${root}assets${sep}`;
  return {
    status: 200,
    body: contents,
    headers: {
      "content-type": CONTENT_TYPES[extension] ?? "application/octet-stream",
      "cache-control": file.startsWith(assets) ? IMMUTABLE : "no-cache",
    },
  };
}

/** index.html, for / and every client route: never cached, so a new build is seen at once. */
async function index(root: string, persistedOnly: boolean): Promise<Answer> {
  const html = await readRegularFile(`${root}index.html`);
  if (html === null) {
    return {
      status: 503,
      body: NOT_BUILT,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    };
  }
  let page = Buffer.from(html).toString("utf8");
  if (persistedOnly) {
    page = page.replace(
      '<meta name="newsgraph-persisted-only" content="0"',
      '<meta name="newsgraph-persisted-only" content="1"',
    );
  }
  return {
    status: 200,
    body: page,
    headers: {
      "content-type": CONTENT_TYPES[".html"]!,
      "cache-control": "no-cache",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "referrer-policy": "no-referrer",
    },
  };
}

async function readRegularFile(file: string): Promise<Buffer<ArrayBuffer> | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}
