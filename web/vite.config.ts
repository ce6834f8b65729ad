// The newsroom front end. `npm run build:web` builds it into web/dist, which the API process
// serves at / (src/plugins/web-app.ts); `npm run dev` serves it with hot reload on :5173 and
// proxies /graphql to the API on API_PORT (default 4000).
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import codegenConfig from "./codegen.ts";

const apiPort = process.env.API_PORT ?? "4000";
const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * In the dev server, regenerate the typed operations when a source file changes: the page's
 * graphql() calls look their documents up in the generated code. (Codegen's own --watch needs
 * a native file watcher this project does not install.)
 */
function codegenOnChange(): Plugin {
  let running: Promise<unknown> = Promise.resolve();
  return {
    name: "newsgraph-codegen-on-change",
    apply: "serve",
    async handleHotUpdate({ file, read }) {
      if (!/\.tsx?$/.test(file) || file.includes("/generated/")) return;
      if (!(await read()).includes("graphql(")) return;
      running = running.then(() =>
        generate(
          { ...codegenConfig, cwd: fileURLToPath(new URL("..", import.meta.url)), silent: true },
          true,
        ).catch((error: unknown) => console.error(`codegen: ${(error as Error).message}`)),
      );
      await running;
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), codegenOnChange()],
  // Everything the page needs is bundled (fonts included): nothing is fetched from elsewhere.
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    // Fonts and images stay files (hashed, cached for a year), never data: URLs.
    assetsInlineLimit: 0,
    sourcemap: true,
    // React, urql and d3 in one file: about 120 kB gzipped.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/graphql": { target: `http://localhost:${apiPort}`, changeOrigin: true } },
  },
});
