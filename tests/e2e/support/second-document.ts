// A second, small document next to the seed article, so that the library's filters have
// something to leave out, and the timeline a month-precision date. Written in the seed format
// (seeds/*.json) with spans computed from the body.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SECOND = {
  slug: "red-cross-flood-relief-geneva",
  title: "Red Cross plans flood relief talks in Geneva",
  actor: "International Red Cross",
};

// More actor mentions than one page of the API (100): the article view must read them all.
export const REPEATED_MENTIONS = 120;
const BODY =
  "The International Red Cross said on Friday that flood relief talks will open in Geneva " +
  "in August. The Red Cross expects donors to attend.\n\n" +
  Array.from({ length: REPEATED_MENTIONS }, () => "The ICRC helps.").join(" ");

function everySpan(text: string) {
  const spans: ReturnType<typeof span>[] = [];
  for (let at = BODY.indexOf(text); at >= 0; at = BODY.indexOf(text, at + text.length)) {
    spans.push({ start: at, end: at + text.length, text });
  }
  return spans;
}

function span(text: string, from = 0) {
  const start = BODY.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length, text };
}

/** Writes the document and its annotation into a new folder, for seedDirectory. */
export function writeSecondDocument(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-e2e-"));
  writeFileSync(join(dir, "100_second.txt"), BODY);
  const annotation = {
    document: {
      slug: SECOND.slug,
      title: SECOND.title,
      bodyFile: "100_second.txt",
      source: null,
      url: null,
      publishedAt: "2025-08-01",
      language: "en",
    },
    actors: [
      {
        name: SECOND.actor,
        kind: "ORGANIZATION",
        aliases: ["Red Cross", "ICRC"],
        description: "A humanitarian organization.",
        mentions: [span("International Red Cross"), span("Red Cross", 40), ...everySpan("ICRC")],
      },
    ],
    events: [
      {
        slug: "geneva-flood-relief-talks-2025-08",
        title: "Flood relief talks in Geneva",
        kind: "HUMANITARIAN",
        status: "PLANNED",
        description: "Talks on flood relief.",
        location: "Geneva",
        date: {
          text: "in August",
          start: "2025-08-01",
          end: "2025-08-31",
          precision: "MONTH",
          yearInferred: true,
        },
        participants: [{ actor: SECOND.actor, role: "host" }],
        mentions: [span("flood relief talks will open in Geneva")],
      },
    ],
    claims: [
      {
        text: "Flood relief talks will open in Geneva in August.",
        quote: null,
        kind: "PREDICTION",
        claimant: SECOND.actor,
        subjects: [],
        statedAt: {
          text: "on Friday",
          start: "2025-08-01",
          end: "2025-08-01",
          precision: "DAY",
          yearInferred: true,
        },
        span: span(
          "The International Red Cross said on Friday that flood relief talks will open in Geneva in August.",
        ),
        event: "geneva-flood-relief-talks-2025-08",
      },
    ],
  };
  writeFileSync(join(dir, "100_second.json"), JSON.stringify(annotation, null, 2));
  return dir;
}
