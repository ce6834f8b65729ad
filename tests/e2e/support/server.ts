// The real server (src/server.ts, as `npm start` runs it) on a free loopback port, on in-memory
// PGlite seeded with seeds/ and a second document; plus a GraphQL client for the expected
// values the page is checked against.
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { seedDirectory } from "../../../src/domain/seeding.ts";
import { createLogger } from "../../../src/logger.ts";
import { type RunningServer, startServer } from "../../../src/server.ts";
import { writeSecondDocument } from "./second-document.ts";

export interface ServerHandle {
  url: () => string;
  graphql: <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

export function useSeededServer(env: Record<string, string> = {}): ServerHandle {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const config = {
      ...loadConfig({ ...process.env, DATABASE_URL: "pglite:memory", ...env }),
      PORT: 0,
      HOST: "127.0.0.1",
    };
    server = await startServer(config, { logger: createLogger({ level: "silent" }) });
    await seedDirectory(server.db.prisma, writeSecondDocument());
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    url: () => server!.url,
    async graphql(query, variables) {
      const response = await fetch(`${server!.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
  };
}
