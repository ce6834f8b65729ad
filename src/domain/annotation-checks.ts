// Checks of an annotation against its document body and against itself, before anything is
// written: spans hold, quotes lie inside their spans, every reference resolves within the
// annotation, names are not claimed twice, dates are consistent.
import type { Annotation } from "./annotation-format.ts";
import { IssueCollector, type ValidationIssue } from "./errors.ts";
import { type FuzzyDate, fuzzyDateProblems } from "./fuzzy-dates.ts";
import { nameKey } from "./names.ts";
import { type Span, spanProblem } from "./spans.ts";

/** Maps every normalized name and alias declared in the annotation to its actor's index. */
export function actorNameIndex(annotation: Annotation): Map<string, number> {
  const index = new Map<string, number>();
  annotation.actors.forEach((actor, i) => {
    for (const name of [actor.name, ...actor.aliases]) {
      if (!index.has(nameKey(name))) index.set(nameKey(name), i);
    }
  });
  return index;
}

export function claimKey(claim: { span: Span; text: string }): string {
  return `${claim.span.start}:${claim.span.end}:${claim.text}`;
}

export function checkAnnotation(body: string, annotation: Annotation): ValidationIssue[] {
  const issues = new IssueCollector();
  const checkSpan = (path: (string | number)[], span: Span) => {
    const problem = spanProblem(body, span);
    if (problem) issues.add(path, problem);
  };
  const checkDate = (path: (string | number)[], date: FuzzyDate) => {
    for (const problem of fuzzyDateProblems(date)) issues.add(path, problem);
  };

  const owners = new Map<string, string>();
  annotation.actors.forEach((actor, i) => {
    for (const name of [actor.name, ...actor.aliases]) {
      const owner = owners.get(nameKey(name));
      if (owner !== undefined && owner !== actor.name) {
        issues.add(
          ["actors", i, "aliases"],
          `name ${JSON.stringify(name)} is already used by actor ${JSON.stringify(owner)}`,
        );
      }
      owners.set(nameKey(name), actor.name);
    }
    actor.mentions.forEach((span, m) => {
      checkSpan(["actors", i, "mentions", m], span);
    });
  });

  const actors = actorNameIndex(annotation);
  const checkActor = (path: (string | number)[], name: string) => {
    if (!actors.has(nameKey(name))) {
      issues.add(
        path,
        `unknown actor ${JSON.stringify(name)}: declare it under "actors" (name or alias)`,
      );
    }
  };

  const slugs = new Set<string>();
  annotation.events.forEach((event, i) => {
    if (slugs.has(event.slug))
      issues.add(["events", i, "slug"], `duplicate event slug ${JSON.stringify(event.slug)}`);
    slugs.add(event.slug);
  });
  annotation.events.forEach((event, i) => {
    checkDate(["events", i, "date"], event.date);
    event.mentions.forEach((span, m) => {
      checkSpan(["events", i, "mentions", m], span);
    });
    event.participants.forEach((p, j) => {
      checkActor(["events", i, "participants", j, "actor"], p.actor);
    });
    event.related.forEach((link, j) => {
      if (!slugs.has(link.event))
        issues.add(
          ["events", i, "related", j, "event"],
          `unknown event ${JSON.stringify(link.event)}`,
        );
      if (link.event === event.slug)
        issues.add(["events", i, "related", j, "event"], "an event cannot relate to itself");
    });
  });

  const claimKeys = new Set<string>();
  annotation.claims.forEach((claim, i) => {
    checkSpan(["claims", i, "span"], claim.span);
    if (claim.quote !== null && !claim.span.text.includes(claim.quote)) {
      issues.add(["claims", i, "quote"], "the quote must appear verbatim inside the span text");
    }
    if (claim.claimant !== null) checkActor(["claims", i, "claimant"], claim.claimant);
    claim.subjects.forEach((s, j) => {
      checkActor(["claims", i, "subjects", j], s);
    });
    if (claim.statedAt) checkDate(["claims", i, "statedAt"], claim.statedAt);
    if (claim.event !== null && !slugs.has(claim.event)) {
      issues.add(["claims", i, "event"], `unknown event ${JSON.stringify(claim.event)}`);
    }
    if (claimKeys.has(claimKey(claim)))
      issues.add(["claims", i], "the same claim (text and span) appears twice");
    claimKeys.add(claimKey(claim));
  });
  return issues.issues;
}
