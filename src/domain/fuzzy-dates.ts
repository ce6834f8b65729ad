// Fuzzy dates: what a text says about "when" ("July 5", "late June", "in the coming days"),
// kept as the original words plus the bounds filters use. "Events in July" means events whose
// [start, end] overlaps July, whatever their precision.
import type { DatePrecision } from "../generated/prisma/enums.ts";

export interface FuzzyDate {
  /** First day the date can mean, ISO YYYY-MM-DD; null when unknown. */
  start: string | null;
  /** Last day the date can mean (inclusive); null when unknown. */
  end: string | null;
  precision: DatePrecision;
  /** The words of the source, e.g. "late June". */
  text: string | null;
  /** True when the text left the year implicit and it was resolved from context. */
  yearInferred: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Parses YYYY-MM-DD into a UTC Date, or null when it is not a real calendar day. */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO day `days` later (earlier when negative): "2025-07-06" + 7 → "2025-07-13". */
export function addDays(iso: string, days: number): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return toIsoDate(day);
}

/** The same day `years` later (earlier when negative): "2025-10-31" - 1 → "2024-10-31". */
export function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

function lastDayOfMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Every reason the fuzzy date is inconsistent; empty when it is sound. */
export function fuzzyDateProblems(value: FuzzyDate): string[] {
  const problems: string[] = [];
  const start = value.start === null ? null : parseIsoDate(value.start);
  const end = value.end === null ? null : parseIsoDate(value.end);
  if (value.start !== null && start === null)
    problems.push(`start ${JSON.stringify(value.start)} is not a real date (YYYY-MM-DD)`);
  if (value.end !== null && end === null)
    problems.push(`end ${JSON.stringify(value.end)} is not a real date (YYYY-MM-DD)`);
  if (problems.length > 0) return problems;
  if (start && end && start > end) problems.push(`start ${value.start} is after end ${value.end}`);

  const precision = value.precision;
  if (precision === "UNKNOWN") {
    if (!value.text?.trim()) problems.push("an UNKNOWN date must keep the original text");
    return problems;
  }
  if (!start || !end) {
    problems.push(`precision ${precision} needs both start and end`);
    return problems;
  }
  const sameMonth =
    start.getUTCFullYear() === end.getUTCFullYear() && start.getUTCMonth() === end.getUTCMonth();
  switch (precision) {
    case "DAY":
      if (start.getTime() !== end.getTime())
        problems.push("precision DAY needs start equal to end");
      break;
    case "PART_OF_MONTH":
      if (!sameMonth)
        problems.push("precision PART_OF_MONTH needs start and end in the same month");
      break;
    case "MONTH":
      if (!sameMonth || start.getUTCDate() !== 1 || end.getUTCDate() !== lastDayOfMonth(end))
        problems.push(
          "precision MONTH needs start on the 1st and end on the last day of the same month",
        );
      break;
    case "YEAR": {
      const wholeYear =
        start.getUTCFullYear() === end.getUTCFullYear() &&
        toIsoDate(start).endsWith("-01-01") &&
        toIsoDate(end).endsWith("-12-31");
      if (!wholeYear)
        problems.push("precision YEAR needs start on January 1 and end on December 31 of one year");
      break;
    }
  }
  return problems;
}

/** The Prisma column values for a fuzzy date, under a column prefix ("date", "stated"). */
export function fuzzyDateColumns<P extends string>(prefix: P, value: FuzzyDate) {
  return {
    [`${prefix}Start`]: value.start === null ? null : parseIsoDate(value.start),
    [`${prefix}End`]: value.end === null ? null : parseIsoDate(value.end),
    [`${prefix}Precision`]: value.precision,
    [`${prefix}Text`]: value.text,
    [`${prefix}YearInferred`]: value.yearInferred,
  } as Record<`${P}Start` | `${P}End`, Date | null> &
    Record<`${P}Precision`, DatePrecision> &
    Record<`${P}Text`, string | null> &
    Record<`${P}YearInferred`, boolean>;
}
