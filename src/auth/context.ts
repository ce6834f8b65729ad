// The request context: who is calling, from `Authorization: Bearer <key>`.
//
// - No Authorization header: caller null, and no SQL at all. Reads stay public (unless
//   READ_REQUIRES_KEY=1); fields with a scope answer UNAUTHENTICATED (src/schema/builder.ts).
// - A valid key: its caller, after one SELECT by the key's unique prefix.
// - Anything else (a header that is not `Bearer <token>`, a token of the wrong shape, an
//   unknown, revoked or expired key): the whole request is refused with HTTP 401 and one
//   GraphQL error, code UNAUTHENTICATED, whose message says which. A bad key is never
//   silently downgraded to "no key": the client would read public data and not notice.
//   Neither the message nor any log carries the header's value.
import { GraphQLError } from "graphql";
import { getDb } from "../db/client.ts";
import type { Caller } from "../schema/context.ts";
import { type RejectReason, rejectMessage, verifyApiKey } from "./api-keys.ts";

const BEARER = /^Bearer +(\S+) *$/i;

/** The caller of a request, null without a key; throws the 401 GraphQLError for a bad one. */
export async function authenticate(request: Request): Promise<Caller | null> {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthenticated("malformed-header");
  const result = await verifyApiKey(getDb().prisma, token);
  if (!result.ok) throw unauthenticated(result.reason);
  return result.caller;
}

function unauthenticated(reason: RejectReason | "malformed-header"): GraphQLError {
  const message =
    reason === "malformed-header"
      ? "malformed Authorization header: send Authorization: Bearer <key>, or no header"
      : rejectMessage(reason);
  return new GraphQLError(message, {
    extensions: {
      code: "UNAUTHENTICATED",
      reason: reason === "malformed-header" ? "malformed" : reason,
      // Yoga turns this into the response's status and headers and leaves it out of the body.
      http: {
        status: 401,
        headers: { "WWW-Authenticate": 'Bearer realm="newsgraph", error="invalid_token"' },
      },
    },
  });
}
