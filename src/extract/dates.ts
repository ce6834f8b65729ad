// Dates in the text, normalized to fuzzy dates against the publication date with chrono-node:
// a day ("June 2nd", "on Tuesday") is DAY, "late June" is PART_OF_MONTH, "in June" MONTH, "in
// 2024" YEAR, vague phrases ("in the coming days") UNKNOWN; yearInferred when no year is written.
import * as chrono from "chrono-node";
import type { FuzzyDate } from "../domain/fuzzy-dates.ts";
import { addDays, toIsoDate } from "../domain/fuzzy-dates.ts";

export interface DateMention {
  start: number;
  end: number;
  date: FuzzyDate;
}

const PART_OF_MONTH =
  /\b(early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+$/iu;
const VAGUE =
  /\b(?:in the coming (?:days|weeks|months)|in the near future|soon|in recent (?:days|weeks|months)|for now|at the moment|currently|continuing|ongoing)\b/giu;
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const PART_OF_NAMED_MONTH =
  /\b(early|mid-|mid|late)\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s,]+\d)/gu;
// "the 2020 war", "its 2014 annexation": a year inside a noun phrase dates its head noun.
// A sentence may open with either: "In 2015, …", "The 2011 uprising …".
const YEAR_MODIFIER =
  /\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:\p{Ll}+\s+)?((?:19|20)\d\d)(?=\s+(?:\p{Ll}|\p{Lu}\p{Ll}))/gu;
const YEAR_ONLY =
  /\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|of|[Tt]hroughout)\s+((?:19|20)\d\d)\b/gu;

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every date expression in the text, by body offset, in order. */
export function findDates(body: string, publishedAt: Date): DateMention[] {
  const out: DateMention[] = [];
  const reference = { instant: publishedAt, timezone: 0 };
  for (const result of chrono.parse(body, reference)) {
    // chrono keeps a trailing comma ("late June,"); a span ends at the last word.
    const text = result.text.replace(/[\s,.;:]+$/u, "");
    // "may" the modal verb is not the month; "now" is not a date of anything.
    if (/^(?:may|now|Now|right now)$/u.test(text) || /^\d+$/u.test(text)) continue;
    // "two days after the ruling", "a week later": counted from an event, not from publication.
    if (/\b(?:days?|weeks?|months?|years?)\s+(?:after|before|later|earlier)$/iu.test(text))
      continue;
    // "for three days", "over two weeks": how long, not when.
    if (/^(?:for|over)\s+(?:\w+\s+){0,2}(?:hours?|days?|weeks?|months?|years?)$/iu.test(text))
      continue;
    // "in the week leading up to the summit" names no particular week.
    if (/^(?:in\s+)?the\s+(?:week|month|year|day)$/iu.test(text)) continue;
    const c = result.start;
    if (!c.isCertain("month") && !c.isCertain("day") && !c.isCertain("weekday")) {
      if (
        !/\b(?:yesterday|today|tonight|tomorrow|morning|afternoon|evening|week|month|year)\b/iu.test(
          text,
        )
      )
        continue;
    }
    const year = c.get("year") as number;
    const month = c.get("month") as number;
    const day = c.get("day") as number;
    // Relative dates ("yesterday", "on Tuesday") also leave the year to the reader.
    const yearInferred = !c.isCertain("year") || !/\d{4}/u.test(text);
    let start = result.index;
    let date: FuzzyDate;
    const within = /^(?:(?:in|within|over)\s+the\s+)?(?:next|coming)\s+(\w+)\s+days$/iu.exec(text);
    const lately =
      /^(?:the\s+)?(?:last|past)\s+(?:several|few|couple of|\w+)\s+(?:days|weeks|months|years)$/iu.test(
        text,
      );
    if (lately) {
      // "over the last several months": every day from then up to publication, not one month.
      date = {
        text,
        start: toIsoDate(utc(year, month, day)),
        end: toIsoDate(publishedAt),
        precision: "UNKNOWN",
        yearInferred,
      };
    } else if (within) {
      // "in the next ten days": any day from publication to the tenth after, not the tenth.
      const span = Math.round(
        (utc(year, month, day).getTime() - publishedAt.getTime()) / 86_400_000,
      );
      date = {
        text,
        start: toIsoDate(publishedAt),
        end: toIsoDate(new Date(publishedAt.getTime() + Math.max(span, 0) * 86_400_000)),
        precision: "UNKNOWN",
        yearInferred,
      };
    } else if (/\b(?:next|last|this|coming|past) weeks?\b/iu.test(text)) {
      // "next week", "last week": a span of days, not one day.
      const first = utc(year, month, day);
      const last = new Date(first.getTime() + 6 * 86_400_000);
      date = {
        text,
        start: toIsoDate(first),
        end: toIsoDate(last),
        precision: "UNKNOWN",
        yearInferred,
      };
    } else if (
      c.isCertain("day") ||
      c.isCertain("weekday") ||
      /\b(?:yesterday|today|tonight|tomorrow|morning|afternoon|evening)\b/iu.test(text)
    ) {
      const endComponents = result.end;
      let firstDate = utc(year, month, day);
      // News reports the past: a bare weekday that chrono put after publication is the last one.
      const bareWeekday = c.isCertain("weekday") && !c.isCertain("day");
      if (bareWeekday && firstDate > publishedAt && !/\b(?:next|coming|this)\b/iu.test(text))
        firstDate = new Date(firstDate.getTime() - 7 * 86_400_000);
      const first = toIsoDate(firstDate);
      const last = endComponents
        ? toIsoDate(
            utc(
              endComponents.get("year") as number,
              endComponents.get("month") as number,
              endComponents.get("day") as number,
            ),
          )
        : first;
      const end = last.localeCompare(first) < 0 ? first : last;
      date = { text, start: first, end, precision: rangePrecision(first, end), yearInferred };
    } else if (c.isCertain("month")) {
      const prefix = PART_OF_MONTH.exec(body.slice(Math.max(0, start - 20), start));
      if (prefix) {
        const part = (prefix[1] as string).toLowerCase();
        const [from, to] =
          part.includes("early") || part.includes("beginning") || part.includes("start")
            ? [1, 10]
            : part.includes("mid") || part.includes("middle")
              ? [11, 20]
              : [21, lastDay(year, month)];
        start -= prefix[0].length;
        date = {
          text: body.slice(start, result.index + text.length),
          start: toIsoDate(utc(year, month, from)),
          end: toIsoDate(utc(year, month, to)),
          precision: "PART_OF_MONTH",
          yearInferred,
        };
      } else {
        // "last April" written in January: chrono puts the month ahead; the last one is past.
        const lastOne =
          /\blast\s+$/iu.test(body.slice(Math.max(0, start - 5), start)) &&
          utc(year, month, 1) > publishedAt;
        const y = lastOne ? year - 1 : year;
        date = {
          text,
          start: toIsoDate(utc(y, month, 1)),
          end: toIsoDate(utc(y, month, lastDay(y, month))),
          precision: "MONTH",
          yearInferred,
        };
      }
    } else {
      continue;
    }
    out.push({ start, end: result.index + text.length, date });
  }
  // chrono reads "in May" but not "in late May" (the modal verb's spelling): part of a month
  // by name when chrono found nothing there.
  for (const match of body.matchAll(PART_OF_NAMED_MONTH)) {
    if (out.some((d) => d.start < match.index + match[0].length && match.index < d.end)) continue;
    const part = (match[1] as string).toLowerCase();
    const month = MONTHS.indexOf((match[2] as string).toLowerCase()) + 1;
    const year = publishedAt.getUTCFullYear();
    const [from, to] = part.startsWith("early")
      ? [1, 10]
      : part.startsWith("mid")
        ? [11, 20]
        : [21, lastDay(year, month)];
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      date: {
        text: match[0],
        start: toIsoDate(utc(year, month, from)),
        end: toIsoDate(utc(year, month, to)),
        precision: "PART_OF_MONTH",
        yearInferred: true,
      },
    });
  }
  for (const match of [...body.matchAll(YEAR_ONLY), ...body.matchAll(YEAR_MODIFIER)]) {
    const year = Number(match[1]);
    const at = match.index + match[0].length - 4;
    if (out.some((d) => d.start <= at && at < d.end)) continue;
    out.push({
      start: at,
      end: at + 4,
      date: {
        text: String(year),
        start: `${year}-01-01`,
        end: `${year}-12-31`,
        precision: "YEAR",
        yearInferred: false,
      },
    });
  }
  for (const match of body.matchAll(VAGUE)) {
    if (out.some((d) => d.start < match.index + match[0].length && match.index < d.end)) continue;
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      date: { text: match[0], start: null, end: null, precision: "UNKNOWN", yearInferred: false },
    });
  }
  return resolveAnchored(
    body,
    out.sort((a, b) => a.start - b.start),
  );
}

// "the next day", "three years later", "that day": counted from the date the text gave last,
// not from publication.
const ANCHORED =
  /\b(?:(?:on\s+)?the\s+(?:next|following)\s+(day|morning|evening|week|month|year)|(?:(?:less|more)\s+than\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|some|\d+|\p{L}+teen|twenty)\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+later|(?:later\s+)?(?:on\s+)?that\s+(day|morning|afternoon|evening|night)|(?:on\s+)?the\s+same\s+(day)|the\s+(day)\s+after)\b/giu;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Relative dates counted from the date before them, in text order (so they chain). */
function resolveAnchored(body: string, found: DateMention[]): DateMention[] {
  const anchored: { start: number; end: number; phrase: string; unit: string }[] = [];
  for (const match of body.matchAll(ANCHORED)) {
    const unit = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? "day")
      .toLowerCase()
      .replace(/s$/u, "");
    const end = match.index + match[0].length;
    // "A few days later, on July 2": the written date says when.
    if (found.some((d) => d.start >= end && d.start - end <= 5 && d.date.start !== null)) continue;
    anchored.push({ start: match.index, end, phrase: match[0], unit });
  }
  if (anchored.length === 0) return found;
  const kept = found.filter((d) => !anchored.some((a) => a.start < d.end && d.start < a.end));
  const out: DateMention[] = [];
  let next = 0;
  for (const a of anchored) {
    while (next < kept.length && (kept[next] as DateMention).start < a.start)
      out.push(kept[next++] as DateMention);
    // "the November 27 border agreement" dates a thing named in passing, not the story's time.
    const anchor = out.findLast(
      (d) =>
        d.date.start !== null &&
        fineEnough(d.date, a.unit) &&
        !/\b(?:the|a|an|its|their|his|her)\s+$/iu.test(
          body.slice(Math.max(0, d.start - 6), d.start),
        ),
    );
    if (anchor === undefined) continue;
    const date = countFrom(anchor.date, a.phrase, a.unit);
    if (date) out.push({ start: a.start, end: a.end, date });
  }
  out.push(...kept.slice(next));
  return out;
}

/** Counting days needs a day to count from; counting years only a year. */
function fineEnough(date: FuzzyDate, unit: string): boolean {
  if (unit === "year") return true;
  if (unit === "month") return date.precision !== "YEAR" && date.precision !== "UNKNOWN";
  return date.precision === "DAY";
}

function countFrom(anchor: FuzzyDate, phrase: string, unit: string): FuzzyDate | null {
  const from = new Date(`${anchor.start}T00:00:00Z`);
  const text = phrase.replace(/^on\s+/iu, "");
  const count = /\b(?:next|following|after)\b/iu.test(phrase)
    ? 1
    : /\b(?:that|same)\b/iu.test(phrase)
      ? 0
      : /\b(?:few|several|some)\b/iu.test(phrase)
        ? null
        : (NUMBER_WORDS[
            (/^(?:(?:less|more)\s+than\s+)?(\p{L}+)/iu.exec(text)?.[1] ?? "").toLowerCase()
          ] ?? (/^\d+/u.test(text) ? Number.parseInt(text, 10) : null));
  const addDays = (n: number) => new Date(from.getTime() + n * 86_400_000);
  const day = (first: Date, last: Date): FuzzyDate => {
    const start = toIsoDate(first);
    const end = toIsoDate(last);
    return {
      text,
      start,
      end,
      precision: rangePrecision(start, end),
      yearInferred: anchor.yearInferred,
    };
  };
  switch (unit) {
    case "minute":
    case "hour":
      // "six minutes later", "hours later": counted from a happening's time of day, which the
      // last written date seldom gives.
      return null;
    case "morning":
    case "afternoon":
    case "evening":
    case "night":
      return day(addDays(count ?? 0), addDays(count ?? 0));
    case "day":
      // "a few days later": some day within the next week.
      return count === null ? day(addDays(1), addDays(7)) : day(addDays(count), addDays(count));
    case "week": {
      const weeks = count ?? 1;
      return { ...day(addDays(7 * weeks - 3), addDays(7 * weeks + 3)), precision: "UNKNOWN" };
    }
    case "month": {
      if (count === null) return null;
      const y = from.getUTCFullYear();
      const m = from.getUTCMonth() + 1 + count;
      const year = y + Math.floor((m - 1) / 12);
      const month = ((m - 1) % 12) + 1;
      return {
        text,
        start: toIsoDate(utc(year, month, 1)),
        end: toIsoDate(utc(year, month, lastDay(year, month))),
        precision: "MONTH",
        yearInferred: anchor.yearInferred,
      };
    }
    case "year": {
      if (count === null) return null;
      const year = from.getUTCFullYear() + count;
      return {
        text,
        start: `${year}-01-01`,
        end: `${year}-12-31`,
        precision: "YEAR",
        yearInferred: anchor.yearInferred,
      };
    }
    default:
      return null;
  }
}

/** The publication date as a Date at noon UTC, so time zones never move the day. */
export function referenceDate(publishedAt: string | Date | null | undefined): Date {
  if (publishedAt instanceof Date) return publishedAt;
  if (typeof publishedAt === "string" && /^\d{4}-\d{2}-\d{2}/u.test(publishedAt)) {
    return new Date(`${publishedAt.slice(0, 10)}T12:00:00Z`);
  }
  return new Date();
}

const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu;

/** A weekday date after publication, moved back one week (what is reported in the past tense is past). */
export function weekdayBefore(d: DateMention, published: string): DateMention {
  const start = d.date.start;
  if (start === null || start <= published || !WEEKDAY.test(d.date.text ?? "")) return d;
  // "effective next Wednesday, July 31": a weekday said to be ahead, or pinned to a day of a
  // month, is not the last one.
  if (/\b(?:next|coming)\b|\d/iu.test(d.date.text ?? "")) return d;
  const iso = addDays(start, -7);
  return { ...d, date: { ...d.date, start: iso, end: iso } };
}

/** A day range ("May 3-4") is no single DAY: part of its month, or UNKNOWN across months. */
function rangePrecision(first: string, last: string): FuzzyDate["precision"] {
  if (first === last) return "DAY";
  return first.slice(0, 7) === last.slice(0, 7) ? "PART_OF_MONTH" : "UNKNOWN";
}
