// How the API's enum values and counts read in the page: shared by every view.
import type { EventKind } from "../generated/graphql.ts";

/** Every event kind, in the order the filters offer them. */
export const EVENT_KINDS: EventKind[] = [
  "AGREEMENT",
  "HUMANITARIAN",
  "MEDIA_COVERAGE",
  "MILITARY_ACTION",
  "NEGOTIATION",
  "OTHER",
  "PRISONER_EXCHANGE",
  "STATEMENT",
  "TRANSFER",
];

/** An enum value as words: "MILITARY_ACTION" → "military action". */
export const words = (value: string) => value.toLowerCase().replaceAll("_", " ");

/** "1 claim", "2 claims". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
