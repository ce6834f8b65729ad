// What every resolver may know about the request. The database client is not here on purpose:
// it is imported where needed (putting it on the context slows TypeScript badly).
export type ApiScope = "read" | "write" | "admin";

export interface Caller {
  /** The API key's id and name, for logs; never the key itself. */
  keyId: number;
  keyName: string;
  scopes: ApiScope[];
}

export interface Context {
  requestId: string;
  /** Who sent the request, from `Authorization: Bearer <key>`; null without a key. */
  caller: Caller | null;
  /** READ_REQUIRES_KEY of the server that took the request: reads need a key too. */
  readRequiresKey: boolean;
}
