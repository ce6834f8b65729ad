// The extraction pipeline: plain article text → the annotation format of seeds/*.json (actors,
// events, claims), every item grounded in spans built from body indices, with a confidence.
// Stages: text checks → dateline blanked → sentences and tokens → actor mentions → actor
// resolution → dates → clauses and claims → events → claim–event links → items the annotation
// checks refuse left out with a warning (repair.ts). Deterministic and offline.
import type { Annotation } from "../domain/annotation-format.ts";
import { slugify } from "../domain/names.ts";
import { extractClaims } from "./claims.ts";
import { clausesOf } from "./clauses.ts";
import { blankDateline } from "./dateline.ts";
import { findDates, referenceDate } from "./dates.ts";
import { extractEvents } from "./events.ts";
import { linkClaims } from "./links.ts";
import { findMentions } from "./mentions.ts";
import { findQuotes } from "./quotes.ts";
import { dropInvalidItems } from "./repair.ts";
import { resolveActors } from "./resolve.ts";
import { checkText } from "./text-checks.ts";
import { analyse } from "./tokens.ts";
import type { Analysis, KnownActor } from "./types.ts";

export { ExtractInputError, MAX_EXTRACT_CHARS } from "./text-checks.ts";
export type { Analysis, KnownActor } from "./types.ts";

export interface ExtractOptions {
  /** Publication date (ISO day or Date); relative dates resolve against it. Default: today. */
  publishedAt?: string | Date | null;
  /** Actors the caller knows (e.g. from the database): matched by name or alias. */
  knownActors?: KnownActor[];
  /** Sentence and token stage; wink-nlp by default. A seam to compare NLP libraries. */
  tokenizer?: (body: string) => Analysis;
}

export interface ExtractResult {
  annotation: Annotation;
  warnings: string[];
  /** ISO 639-3 code detected by franc ("eng"), or "und" when unknown. */
  language: string;
}

const span = (body: string, start: number, end: number) => ({
  start,
  end,
  text: body.slice(start, end),
});

/** Runs the pipeline. Throws ExtractInputError for a body that cannot be analysed. */
export function extractAnnotation(body: string, options: ExtractOptions = {}): ExtractResult {
  const check = checkText(body);
  const empty: Annotation = { actors: [], events: [], claims: [] };
  if (!check.extractable)
    return { annotation: empty, warnings: check.warnings, language: check.language };

  const publishedAt = referenceDate(options.publishedAt);
  // Stages read the text without its dateline; indices are unchanged, spans use the real body.
  const text = blankDateline(body);
  const analysis = (options.tokenizer ?? analyse)(text);
  const actors = resolveActors(findMentions(analysis), options.knownActors ?? []);
  const dates = findDates(text, publishedAt);
  const quotes = findQuotes(text);
  const clauses = clausesOf(analysis, quotes);
  const claims = extractClaims(analysis, clauses, actors, quotes, dates, publishedAt);
  const events = extractEvents(
    analysis,
    clausesOf(analysis, quotes, "events"),
    actors,
    dates,
    publishedAt,
    claims,
  );
  const sentenceOf = (offset: number) =>
    analysis.sentences.findIndex((s) => s.start <= offset && offset < s.end);
  const links = linkClaims(claims, events, sentenceOf);

  const slugs = new Set<string>();
  const eventSlugs = events.map((e) => {
    const base = slugify(`${e.title} ${e.date.start ?? ""}`, 100);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  });

  const annotation: Annotation = {
    actors: actors.map((a) => ({
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      description: null,
      mentions: dedupeSpans(a.mentions).map((m) => span(body, m.start, m.end)),
      confidence: a.confidence,
    })),
    events: events.map((e, i) => ({
      slug: eventSlugs[i] as string,
      title: e.title.slice(0, 300),
      kind: e.kind,
      status: e.status,
      description: null,
      location: e.location,
      date: e.date,
      participants: e.participants.map((p) => ({ actor: p.actor, role: p.role })),
      mentions: dedupeSpans(e.mentions).map((m) => span(body, m.start, m.end)),
      related: [],
      confidence: e.confidence,
    })),
    claims: claims.map((c, i) => {
      const link = links[i];
      return {
        text: body.slice(c.start, c.end).replace(/\s+/gu, " ").trim(),
        quote: c.quote ? body.slice(c.quote.start, c.quote.end) : null,
        kind: c.kind,
        claimant: c.claimant,
        subjects: c.subjects,
        statedAt: c.statedAt?.date ?? null,
        span: span(body, c.start, c.end),
        event: link === null || link === undefined ? null : (eventSlugs[link] as string),
        confidence: c.confidence,
      };
    }),
  };
  const repaired = dropInvalidItems(body, annotation);
  return {
    annotation: repaired.annotation,
    warnings: [...check.warnings, ...repaired.warnings],
    language: check.language,
  };
}

function dedupeSpans<T extends { start: number; end: number }>(spans: T[]): T[] {
  const seen = new Set<string>();
  return spans
    .filter((s) => {
      const key = `${s.start}:${s.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}
