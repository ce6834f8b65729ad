// Timeline buckets: fuzzy dates (an event's date, a claim's statedAt) grouped by calendar
// period, without ever pretending a date is more precise than its source says.
//
// The scheme, for a granularity G (DAY, MONTH or YEAR):
//
//  - A date at least as precise as G lies inside one G period (a DAY or PART_OF_MONTH date
//    inside one month, anything but UNKNOWN inside one year), so it goes in that period's
//    regular bucket: key "2025-07-04" (DAY), "2025-07" (MONTH) or "2025" (YEAR), start/end the
//    period's first and last day, precision G, coarse false.
//  - A date coarser than G gets a bucket of its own, spanning exactly what it can mean, flagged
//    coarse: a MONTH date under DAY → key "2025-06", precision MONTH, the whole month; a YEAR
//    date under DAY or MONTH → key "2025", precision YEAR, the whole year; a PART_OF_MONTH date
//    ("late June") under DAY → key "2025-06-21/2025-06-30" (an ISO 8601 interval), precision
//    PART_OF_MONTH, start/end its range. Dates with the same range share the bucket.
//  - An UNKNOWN date ("in the coming days"), or one with no start, goes in the single bucket
//    key "undated", precision UNKNOWN, start and end null.
//
// Keys are unique within one timeline (their shapes differ). Buckets come by start, undated
// last; on the same start the finer precision first, then the earlier end.
import type { DatePrecision } from "../generated/prisma/enums.ts";
import { toIsoDate } from "./fuzzy-dates.ts";

export const GRANULARITIES = ["DAY", "MONTH", "YEAR"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const UNDATED_KEY = "undated";

/** Finest first; UNKNOWN is coarser than everything. */
const PRECISION_RANK: Record<DatePrecision, number> = {
  DAY: 0,
  PART_OF_MONTH: 1,
  MONTH: 2,
  YEAR: 3,
  UNKNOWN: 4,
};

/** What the bucketing needs of a fuzzy date: its precision and its bounds (UTC midnights). */
export interface DatedValue {
  precision: DatePrecision;
  start: Date | null;
  end: Date | null;
}

export interface Bucket {
  /** Unique within a timeline: "2025-07-04", "2025-07", "2025", "2025-06-21/2025-06-30", "undated". */
  key: string;
  /** First day the bucket covers; null for undated. */
  start: Date | null;
  /** Last day the bucket covers (inclusive); null for undated. */
  end: Date | null;
  /** The granularity for a regular bucket; the dates' own precision for a coarse one. */
  precision: DatePrecision;
  /** The calendar period the bucket is; null for a part-of-month range and for undated. */
  period: Granularity | null;
  /** True when its dates are less precise than the granularity (undated included). */
  coarse: boolean;
}

export interface CountedBucket extends Bucket {
  count: number;
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

/** The calendar period of `granularity` containing `day`. */
export function periodOf(day: Date, granularity: Granularity): Omit<Bucket, "coarse"> {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  switch (granularity) {
    case "DAY": {
      const start = utc(year, month, day.getUTCDate());
      return { key: toIsoDate(start), start, end: start, precision: "DAY", period: "DAY" };
    }
    case "MONTH": {
      const start = utc(year, month, 1);
      return {
        key: toIsoDate(start).slice(0, 7),
        start,
        end: utc(year, month + 1, 0),
        precision: "MONTH",
        period: "MONTH",
      };
    }
    case "YEAR": {
      const start = utc(year, 0, 1);
      return {
        key: toIsoDate(start).slice(0, 4),
        start,
        end: utc(year, 11, 31),
        precision: "YEAR",
        period: "YEAR",
      };
    }
  }
}

const UNDATED: Bucket = {
  key: UNDATED_KEY,
  start: null,
  end: null,
  precision: "UNKNOWN",
  period: null,
  coarse: true,
};

/** The bucket a date falls in at `granularity` (see the scheme at the top of this file). */
export function bucketOf(date: DatedValue, granularity: Granularity): Bucket {
  const { precision, start } = date;
  if (precision === "UNKNOWN" || start === null) return UNDATED;
  if (PRECISION_RANK[precision] <= PRECISION_RANK[granularity]) {
    return { ...periodOf(start, granularity), coarse: false };
  }
  switch (precision) {
    case "MONTH":
    case "YEAR":
      // The whole month or year, whatever the stored bounds say (they say the same when sound).
      return { ...periodOf(start, precision), coarse: true };
    default: {
      // PART_OF_MONTH under DAY (the only precision finer than MONTH and coarser than DAY).
      const end = date.end ?? periodOf(start, "MONTH").end;
      return {
        key: `${toIsoDate(start)}/${toIsoDate(end!)}`,
        start,
        end,
        precision,
        period: null,
        coarse: true,
      };
    }
  }
}

/** Bucket order: by start (undated last), then finer precision, then earlier end, then key. */
export function compareBuckets(a: Bucket, b: Bucket): number {
  return (
    compareDates(a.start, b.start) ||
    PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
    compareDates(a.end, b.end) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function compareDates(a: Date | null, b: Date | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.getTime() - b.getTime();
}

/**
 * Folds counted groups of dates (e.g. one row per distinct precision/start/end from a SQL
 * GROUP BY) into the timeline's buckets, in bucket order. Buckets with no dates are left out.
 */
export function timelineBuckets(
  groups: Iterable<DatedValue & { count: number }>,
  granularity: Granularity,
): CountedBucket[] {
  const buckets = new Map<string, CountedBucket>();
  for (const group of groups) {
    if (group.count <= 0) continue;
    const bucket = bucketOf(group, granularity);
    const seen = buckets.get(bucket.key);
    if (seen) seen.count += group.count;
    else buckets.set(bucket.key, { ...bucket, count: group.count });
  }
  return [...buckets.values()].sort(compareBuckets);
}

/** Items grouped by the key of their bucket, each group in the items' order. */
export function groupByBucket<T>(
  items: Iterable<T>,
  dateOf: (item: T) => DatedValue,
  granularity: Granularity,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const { key } = bucketOf(dateOf(item), granularity);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
