// The annotations of an article, indexed by id, with the spans the body is highlighted with.
import type { AnnotatedSpan, AnnotationType } from "../../highlight/nest-spans.ts";
import type {
  ArticleActorMention,
  ArticleAnnotations,
  ArticleClaim,
  ArticleEventMention,
} from "../article-query.ts";

export type Annotation =
  | { type: "claim"; claim: ArticleClaim }
  | { type: "actor"; mention: ArticleActorMention }
  | { type: "event"; mention: ArticleEventMention };

export interface ActorEntry {
  actor: ArticleActorMention["actor"];
  mentionIds: string[];
  claims: number;
}

export interface EventEntry {
  event: ArticleEventMention["event"];
  mentionIds: string[];
}

export interface ArticleIndex {
  byId: Map<string, Annotation>;
  spans: AnnotatedSpan[];
  claims: ArticleClaim[];
  /** A claim's place among the claims, in text order. */
  claimOrder: Map<string, number>;
  /** Actors in order of first mention, with their mentions. */
  actors: ActorEntry[];
  /** Events in order of first mention. */
  events: EventEntry[];
  counts: Record<AnnotationType, number>;
}

export function buildIndex(annotations: ArticleAnnotations): ArticleIndex {
  const byId = new Map<string, Annotation>();
  const spans: AnnotatedSpan[] = [];
  const claims = [...annotations.claims].sort((a, b) => a.span.start - b.span.start);
  for (const claim of claims) {
    byId.set(claim.id, { type: "claim", claim });
    spans.push({ id: claim.id, type: "claim", start: claim.span.start, end: claim.span.end });
  }
  const actors = new Map<string, ActorEntry>();
  const mentions = [...annotations.mentions].sort((a, b) => a.span.start - b.span.start);
  for (const mention of mentions) {
    byId.set(mention.id, { type: "actor", mention });
    spans.push({ id: mention.id, type: "actor", start: mention.span.start, end: mention.span.end });
    const entry = actors.get(mention.actor.id) ?? {
      actor: mention.actor,
      mentionIds: [],
      claims: 0,
    };
    entry.mentionIds.push(mention.id);
    actors.set(mention.actor.id, entry);
  }
  for (const claim of claims) {
    const entry = claim.claimant ? actors.get(claim.claimant.id) : undefined;
    if (entry) entry.claims += 1;
  }
  const events = new Map<string, EventEntry>();
  const eventMentions = [...annotations.eventMentions].sort((a, b) => a.span.start - b.span.start);
  for (const mention of eventMentions) {
    byId.set(mention.id, { type: "event", mention });
    spans.push({ id: mention.id, type: "event", start: mention.span.start, end: mention.span.end });
    const entry = events.get(mention.event.id) ?? { event: mention.event, mentionIds: [] };
    entry.mentionIds.push(mention.id);
    events.set(mention.event.id, entry);
  }
  return {
    byId,
    spans,
    claims,
    claimOrder: new Map(claims.map((claim, i) => [claim.id, i])),
    actors: [...actors.values()],
    events: [...events.values()],
    counts: { claim: claims.length, actor: mentions.length, event: eventMentions.length },
  };
}
