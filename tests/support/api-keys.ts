// API keys for tests that write through the API: `graphql(mutation, variables, { token })`.
import { createApiKey } from "../../src/auth/api-keys.ts";
import { getDb } from "../../src/db/client.ts";
import type { ApiScope } from "../../src/schema/context.ts";

export type { ApiScope };

/**
 * Creates a key with these scopes in the current test database (the one useTestDatabase()
 * opened) and returns its token. Call it in a test or a beforeAll after useTestDatabase().
 */
export async function createTestKey(scopes: ApiScope[] = ["write"]): Promise<string> {
  const { token } = await createApiKey(getDb().prisma, {
    name: `test-${scopes.join("-")}`,
    scopes,
  });
  return token;
}
