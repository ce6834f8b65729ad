// API keys: creation, listing, revocation and verification. Plain TypeScript, no GraphQL: the
// server's context (src/auth/context.ts) and the CLI (src/auth/cli.ts) both call this.
//
// A token reads `ngk_<prefix>_<secret>`:
// - `prefix`: 12 hex characters (48 random bits), stored in clear and unique. It is the lookup
//   key, so verifying a token is one SELECT by a unique index, and it is what `list` and
//   `revoke` show and take. It is not secret.
// - `secret`: 32 random bytes (256 bits) in base64url, 43 characters. Only its SHA-256 is
//   stored, and it is never shown again after creation.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { isUniqueViolation } from "../domain/errors.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { ApiScope, Caller } from "../schema/context.ts";

export type { ApiScope, Caller };

export const API_SCOPES: readonly ApiScope[] = ["read", "write", "admin"];

export const TOKEN_PREFIX = "ngk_";
const PREFIX_BYTES = 6; // 12 hex characters
const SECRET_BYTES = 32; // 256 bits, 43 base64url characters
const TOKEN_PATTERN = /^ngk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** lastUsedAt is refreshed at most this often per key, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60 * 60 * 1000;

/** What may be shown about a key: everything but the hash of its secret. */
export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const INFO_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
} as const satisfies Prisma.ApiKeySelect;

/** A bad name, scope list or expiry given to createApiKey. */
export class ApiKeyInputError extends Error {
  override name = "ApiKeyInputError";
}

export interface CreateApiKeyInput {
  name: string;
  scopes: readonly ApiScope[];
  /** Omitted or null: the key never expires. */
  expiresAt?: Date | null;
}

export interface CreatedApiKey {
  /** The whole token. It exists nowhere else: show it once and drop it. */
  token: string;
  key: ApiKeyInfo;
}

export async function createApiKey(
  prisma: PrismaClient,
  input: CreateApiKeyInput,
): Promise<CreatedApiKey> {
  const name = input.name.trim();
  if (name === "") throw new ApiKeyInputError("an API key needs a name");
  if (name.length > 200) throw new ApiKeyInputError("an API key's name is at most 200 characters");
  const scopes = normalizeScopes(input.scopes);
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) {
    throw new ApiKeyInputError("expiresAt is not a valid date");
  }
  // 48 random bits make a clash between two prefixes unlikely, not impossible: on one, the
  // unique index refuses the row and a fresh prefix is drawn.
  for (let attempt = 0; ; attempt++) {
    const prefix = randomBytes(PREFIX_BYTES).toString("hex");
    const secret = randomBytes(SECRET_BYTES).toString("base64url");
    try {
      const key = await prisma.apiKey.create({
        data: { name, prefix, secretHash: hashSecret(secret), scopes, expiresAt },
        select: INFO_SELECT,
      });
      return { token: `${TOKEN_PREFIX}${prefix}_${secret}`, key };
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Every key, oldest first, without secrets. */
export async function listApiKeys(prisma: PrismaClient): Promise<ApiKeyInfo[]> {
  return prisma.apiKey.findMany({ select: INFO_SELECT, orderBy: { id: "asc" } });
}

export type RevokeResult =
  | { status: "revoked"; key: ApiKeyInfo }
  | { status: "already-revoked"; key: ApiKeyInfo }
  | { status: "not-found" };

/** Revokes the key with this prefix (or whole token). Revoking twice keeps the first date. */
export async function revokeApiKey(
  prisma: PrismaClient,
  prefixOrToken: string,
): Promise<RevokeResult> {
  const prefix = TOKEN_PATTERN.exec(prefixOrToken.trim())?.[1] ?? prefixOrToken.trim();
  const { count } = await prisma.apiKey.updateMany({
    where: { prefix, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const key = await prisma.apiKey.findUnique({ where: { prefix }, select: INFO_SELECT });
  if (key === null) return { status: "not-found" };
  return { status: count === 1 ? "revoked" : "already-revoked", key };
}

/** Why a presented token was refused; each has a message that never contains the token. */
export type RejectReason = "malformed" | "unknown" | "revoked" | "expired";

export type VerifyResult = { ok: true; caller: Caller } | { ok: false; reason: RejectReason };

/**
 * Checks a token: one SELECT by the prefix's unique index, then the secret's hash compared in
 * constant time. A wrong secret for an existing prefix is "unknown", like a missing prefix, and
 * says nothing about that key's state; revoked and expired are told only to the holder of the
 * right secret.
 */
export async function verifyApiKey(
  prisma: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<VerifyResult> {
  const parts = parseToken(token);
  if (parts === null) return { ok: false, reason: "malformed" };
  const row = await prisma.apiKey.findUnique({
    where: { prefix: parts.prefix },
    select: {
      id: true,
      name: true,
      scopes: true,
      secretHash: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (row === null || !secretMatches(parts.secret, row.secretHash)) {
    return { ok: false, reason: "unknown" };
  }
  if (row.revokedAt !== null) return { ok: false, reason: "revoked" };
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, reason: "expired" };
  }
  await touchLastUsed(prisma, row.id, row.lastUsedAt, now);
  return {
    ok: true,
    caller: { keyId: row.id, keyName: row.name, scopes: effectiveScopes(row.scopes) },
  };
}

export function rejectMessage(reason: RejectReason): string {
  switch (reason) {
    case "malformed":
      return "malformed API key: send Authorization: Bearer ngk_<prefix>_<secret>";
    case "unknown":
      return "unknown API key";
    case "revoked":
      return "this API key has been revoked";
    case "expired":
      return "this API key has expired";
  }
}

/** admin implies write, write implies read: the caller carries every scope its key grants. */
export function effectiveScopes(scopes: readonly ApiScope[]): ApiScope[] {
  const granted = new Set<ApiScope>(scopes);
  if (granted.has("admin")) granted.add("write");
  if (granted.has("write")) granted.add("read");
  return API_SCOPES.filter((scope) => granted.has(scope));
}

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

function normalizeScopes(scopes: readonly string[]): ApiScope[] {
  if (scopes.length === 0) throw new ApiKeyInputError("an API key needs at least one scope");
  for (const scope of scopes) {
    if (!isApiScope(scope)) {
      throw new ApiKeyInputError(`unknown scope "${scope}": use ${API_SCOPES.join(", ")}`);
    }
  }
  return API_SCOPES.filter((scope) => scopes.includes(scope));
}

function parseToken(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  return { prefix: match[1]!, secret: match[2]! };
}

/**
 * SHA-256, not a slow password hash: the secret is 256 bits from the CSPRNG, so there is no
 * dictionary to try and no brute force that a slower hash would meaningfully delay (2^255
 * guesses on average either way). Slow hashes (scrypt, argon2) exist to stretch low-entropy
 * passwords; here they would only add tens of milliseconds of CPU to every request.
 */
function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

function secretMatches(secret: string, storedHex: string): boolean {
  const presented = createHash("sha256").update(secret, "utf8").digest();
  const stored = Buffer.from(storedHex, "hex");
  // Both are 32 bytes unless the stored value is damaged; timingSafeEqual throws on a mismatch.
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/**
 * lastUsedAt at a resolution of an hour: a write only when the stored value is older than
 * that (or unset), so a busy key costs one UPDATE an hour, not one per request. The WHERE
 * repeats the condition, so concurrent requests or instances write it at most once each.
 * A failure to record it must not refuse a valid key.
 */
async function touchLastUsed(
  prisma: PrismaClient,
  id: number,
  lastUsedAt: Date | null,
  now: Date,
): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (lastUsedAt !== null && lastUsedAt > stale) return;
  try {
    await prisma.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  } catch {
    // Best effort: the key is valid whether or not its last use could be recorded.
  }
}
