// Links from claims to the events they concern: the event named inside the claim's span, else
// the event the claim's sentence talks about.
import type { ExtractedClaim } from "./claims.ts";
import type { ExtractedEvent } from "./events.ts";

export function linkClaims(
  claims: ExtractedClaim[],
  events: ExtractedEvent[],
  sentenceOf: (offset: number) => number,
): (number | null)[] {
  return claims.map((claim) => {
    const inside = events.findIndex((e) =>
      e.mentions.some((m) => m.start >= claim.start && m.end <= claim.end),
    );
    if (inside >= 0) return inside;
    const sentence = sentenceOf(claim.start);
    const same = events.findIndex((e) => e.sentences.has(sentence));
    return same >= 0 ? same : null;
  });
}
