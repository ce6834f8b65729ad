// Scores an extracted annotation against a gold one (the dev-set metrics of `npm run eval`):
// - actors: a predicted actor matches a gold actor when its name equals the gold name or one of
//   its aliases (case-insensitive) and the kinds are equal; one-to-one.
// - resolution: pairwise mention-clustering F1 over the gold mentions: two gold mentions of one
//   actor should land in one predicted actor, two of different actors should not.
// - claims: same claimant after resolution (both null is equal) and spans overlapping by at least
//   half of the shorter span; one-to-one, as many pairs as possible (maximum matching).
// - events: dates overlap (a missing bound is open) and at least one participant in common after
//   resolution (when the gold event lists none, none are required); one-to-one, as many pairs
//   as possible (maximum matching).
import type { Annotation } from "../../domain/annotation-format.ts";
import { nameKey } from "../../domain/names.ts";
import { datesOverlap } from "../events.ts";

type Claim = Annotation["claims"][number];
type AnnotationEvent = Annotation["events"][number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  actors: Counts;
  resolution: Counts;
  claims: Counts;
  events: Counts;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Maps every normalized name and alias of the gold actors to the gold actor's index. */
function goldIndex(gold: Annotation): Map<string, number> {
  const index = new Map<string, number>();
  gold.actors.forEach((a, i) => {
    for (const form of [a.name, ...a.aliases])
      if (!index.has(nameKey(form))) index.set(nameKey(form), i);
  });
  return index;
}

/** The gold actor a predicted name stands for: via the predicted actor's forms, then directly. */
function resolver(gold: Annotation, predicted: Annotation): (name: string | null) => number | null {
  const index = goldIndex(gold);
  const predictedForms = new Map<string, string[]>();
  for (const a of predicted.actors) {
    const forms = [a.name, ...a.aliases];
    for (const f of forms) predictedForms.set(nameKey(f), forms);
  }
  return (name) => {
    if (name === null) return null;
    const direct = index.get(nameKey(name));
    if (direct !== undefined) return direct;
    for (const form of predictedForms.get(nameKey(name)) ?? []) {
      const hit = index.get(nameKey(form));
      if (hit !== undefined) return hit;
    }
    return -1;
  };
}

export function scoreArticle(gold: Annotation, predicted: Annotation): ArticleScore {
  return {
    actors: scoreActors(gold, predicted),
    resolution: scoreResolution(gold, predicted),
    claims: scoreClaims(gold, predicted),
    events: scoreEvents(gold, predicted),
  };
}

function scoreActors(gold: Annotation, predicted: Annotation): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted.actors) {
    const match = gold.actors.findIndex(
      (g, i) =>
        !used.has(i) &&
        g.kind === p.kind &&
        [g.name, ...g.aliases].some((f) => nameKey(f) === nameKey(p.name)),
    );
    if (match >= 0) {
      used.add(match);
      tp++;
    }
  }
  return { tp, fp: predicted.actors.length - tp, fn: gold.actors.length - tp };
}

/**
 * Pairwise mention-clustering: each gold mention takes the predicted actor whose mention overlaps
 * it most; a pair of gold mentions is predicted together when both took the same predicted actor.
 */
function scoreResolution(gold: Annotation, predicted: Annotation): Counts {
  const predictedMentions = predicted.actors.flatMap((a, i) =>
    a.mentions.map((m) => ({ ...m, actor: i })),
  );
  const goldMentions = gold.actors.flatMap((a, i) =>
    a.mentions.map((m) => {
      let best = -1;
      let bestOverlap = 0;
      for (const p of predictedMentions) {
        const overlap = Math.min(m.end, p.end) - Math.max(m.start, p.start);
        if (overlap > bestOverlap) {
          best = p.actor;
          bestOverlap = overlap;
        }
      }
      return { gold: i, predicted: best };
    }),
  );
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < goldMentions.length; i++) {
    for (let j = i + 1; j < goldMentions.length; j++) {
      const a = goldMentions[i] as { gold: number; predicted: number };
      const b = goldMentions[j] as { gold: number; predicted: number };
      const together = a.predicted >= 0 && a.predicted === b.predicted;
      if (a.gold === b.gold && together) tp++;
      else if (a.gold === b.gold) fn++;
      else if (together) fp++;
    }
  }
  return { tp, fp, fn };
}

function overlapEnough(
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return overlap > 0 && overlap * 2 >= shorter ? overlap : 0;
}

function scoreClaims(gold: Annotation, predicted: Annotation): Counts {
  const resolve = resolver(gold, predicted);
  const goldActor = (name: string | null) =>
    name === null ? null : (goldIndex(gold).get(nameKey(name)) ?? -2);
  const tp = maximumMatching(
    gold.claims.length,
    predicted.claims.length,
    (g, p) =>
      resolve((predicted.claims[p] as Claim).claimant) ===
        goldActor((gold.claims[g] as Claim).claimant) &&
      overlapEnough((gold.claims[g] as Claim).span, (predicted.claims[p] as Claim).span) > 0,
  );
  return { tp, fp: predicted.claims.length - tp, fn: gold.claims.length - tp };
}

function scoreEvents(gold: Annotation, predicted: Annotation): Counts {
  const resolve = resolver(gold, predicted);
  const index = goldIndex(gold);
  const goldParticipants = gold.events.map(
    (g) => new Set(g.participants.map((p) => index.get(nameKey(p.actor)))),
  );
  const tp = maximumMatching(gold.events.length, predicted.events.length, (g, p) => {
    const goldEvent = gold.events[g] as AnnotationEvent;
    const predictedEvent = predicted.events[p] as AnnotationEvent;
    if (!datesOverlap(goldEvent.date, predictedEvent.date)) return false;
    const wanted = goldParticipants[g] as Set<number | undefined>;
    return (
      wanted.size === 0 ||
      predictedEvent.participants.some((x) => wanted.has(resolve(x.actor) ?? -1))
    );
  });
  return { tp, fp: predicted.events.length - tp, fn: gold.events.length - tp };
}

/**
 * The largest one-to-one pairing of gold and predicted items where `fits` holds (augmenting
 * paths). Pairing greedily in gold order undercounts: an early gold item can take the only
 * prediction a later one could have had, while another prediction would have served it.
 */
export function maximumMatching(
  goldCount: number,
  predictedCount: number,
  fits: (gold: number, predicted: number) => boolean,
): number {
  const options = Array.from({ length: goldCount }, (_, g) =>
    Array.from({ length: predictedCount }, (_, p) => p).filter((p) => fits(g, p)),
  );
  const owner = new Array<number>(predictedCount).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (const p of options[g] as number[]) {
      if (seen[p]) continue;
      seen[p] = true;
      if (owner[p] === -1 || augment(owner[p] as number, seen)) {
        owner[p] = g;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let g = 0; g < goldCount; g++)
    if (augment(g, new Array<boolean>(predictedCount).fill(false))) matched++;
  return matched;
}
