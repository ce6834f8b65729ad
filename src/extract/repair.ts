// The last stage: the pipeline builds spans from indices, so its output should always pass
// checkAnnotation — but it reads text nobody has seen, and one odd item (a date range chrono reads
// in a way the format refuses, a name two actors both claim) must not cost the whole article.
// Such items are dropped, each with a warning that names it and the reason, and references to a
// dropped event or actor are cleared. Whatever still fails afterwards is a pipeline bug and throws.
import { checkAnnotation } from "../domain/annotation-checks.ts";
import type { Annotation } from "../domain/annotation-format.ts";
import type { ValidationIssue } from "../domain/errors.ts";
import { nameKey } from "../domain/names.ts";

export interface RepairResult {
  annotation: Annotation;
  warnings: string[];
}

type Claim = Annotation["claims"][number];
type Event = Annotation["events"][number];

/** The annotation with the items checkAnnotation refuses removed; throws if that is not enough. */
export function dropInvalidItems(body: string, annotation: Annotation): RepairResult {
  const issues = checkAnnotation(body, annotation);
  if (issues.length === 0) return { annotation, warnings: [] };

  const copy: Annotation = structuredClone(annotation);
  const removals = new Removals();
  const warnings = issues.map((issue) => {
    leaveOut(copy, issue.path, removals);
    return `extraction left out ${describe(annotation, issue)}: ${issue.message}`;
  });
  const repaired = withoutRemoved(copy, removals);

  const remaining = checkAnnotation(body, repaired);
  if (remaining.length > 0) {
    // The stages build spans from indices, so this is a pipeline bug, not bad input.
    throw new Error(
      `extraction produced an invalid annotation: ${JSON.stringify(remaining.slice(0, 3))}`,
    );
  }
  return { annotation: repaired, warnings };
}

/** Positions to remove, per list: "actors", "events.2.mentions", "claims.4.subjects" … */
class Removals {
  private readonly byList = new Map<string, Set<number>>();

  add(list: string, position: number): void {
    const set = this.byList.get(list) ?? new Set<number>();
    set.add(position);
    this.byList.set(list, set);
  }

  has(list: string, position: number): boolean {
    return this.byList.get(list)?.has(position) ?? false;
  }

  keep<T>(list: string, items: T[]): T[] {
    return items.filter((_, position) => !this.has(list, position));
  }
}

/** The smallest change that answers one issue: a sub-item when the issue is in one, else the item. */
function leaveOut(annotation: Annotation, path: string[], removals: Removals): void {
  const [collection, index, field, sub] = path;
  const i = Number(index);
  const inner = `${collection}.${i}.${field}`;
  const whole = () => removals.add(collection ?? "", i);
  if (collection === "actors") {
    const actor = annotation.actors[i];
    if (field === "mentions") removals.add(inner, Number(sub));
    else if (field === "aliases" && actor) {
      const taken = new Set(
        annotation.actors.filter((other) => other !== actor).flatMap((a) => [a.name, ...a.aliases]),
      );
      const takenKeys = new Set([...taken].map(nameKey));
      actor.aliases = actor.aliases.filter((alias) => !takenKeys.has(nameKey(alias)));
      if (takenKeys.has(nameKey(actor.name))) whole();
    } else whole();
  } else if (collection === "events") {
    if (field === "mentions" || field === "participants" || field === "related")
      removals.add(inner, Number(sub));
    else whole();
  } else if (collection === "claims") {
    const claim = annotation.claims[i];
    if (field === "statedAt" && claim) claim.statedAt = null;
    else if (field === "event" && claim) claim.event = null;
    else if (field === "subjects") removals.add(inner, Number(sub));
    else whole();
  }
}

/** Removes what was left out and clears every reference to a removed actor or event. */
function withoutRemoved(annotation: Annotation, removals: Removals): Annotation {
  const goneNames = new Set(
    annotation.actors
      .filter((_, i) => removals.has("actors", i))
      .flatMap((actor) => [actor.name, ...actor.aliases].map(nameKey)),
  );
  const known = (name: string) => !goneNames.has(nameKey(name));
  const goneSlugs = new Set(
    annotation.events.filter((_, i) => removals.has("events", i)).map((event) => event.slug),
  );

  const actors = annotation.actors.map((actor, i) => ({
    ...actor,
    mentions: removals.keep(`actors.${i}.mentions`, actor.mentions),
  }));
  const events: Event[] = annotation.events.map((event, i) => ({
    ...event,
    mentions: removals.keep(`events.${i}.mentions`, event.mentions),
    participants: removals
      .keep(`events.${i}.participants`, event.participants)
      .filter((p) => known(p.actor)),
    related: removals
      .keep(`events.${i}.related`, event.related)
      .filter((r) => !goneSlugs.has(r.event)),
  }));
  const claims: Claim[] = annotation.claims.map((claim, i) => ({
    ...claim,
    subjects: removals.keep(`claims.${i}.subjects`, claim.subjects).filter(known),
    event: claim.event !== null && goneSlugs.has(claim.event) ? null : claim.event,
  }));
  return {
    actors: removals.keep("actors", actors),
    events: removals.keep("events", events),
    claims: removals
      .keep("claims", claims)
      .filter((claim) => claim.claimant === null || known(claim.claimant)),
  };
}

/** "event 'talks-2024-05-03'", "claim 4 ('The ministry said …')", "actor 'Kremlin'". */
function describe(annotation: Annotation, issue: ValidationIssue): string {
  const [collection, index] = issue.path;
  const i = Number(index);
  if (collection === "events") return `event ${JSON.stringify(annotation.events[i]?.slug)}`;
  if (collection === "actors") return `actor ${JSON.stringify(annotation.actors[i]?.name)}`;
  const text = annotation.claims[i]?.text ?? "";
  return `claim ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`;
}
