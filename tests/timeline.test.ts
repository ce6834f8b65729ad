// The timeline's bucketing (src/domain/timeline.ts), without a database.
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../src/domain/fuzzy-dates.ts";
import {
  bucketOf,
  compareBuckets,
  type DatedValue,
  type Granularity,
  groupByBucket,
  periodOf,
  timelineBuckets,
} from "../src/domain/timeline.ts";
import type { DatePrecision } from "../src/generated/prisma/enums.ts";

const day = (iso: string) => parseIsoDate(iso)!;
const date = (precision: DatePrecision, start: string | null, end: string | null): DatedValue => ({
  precision,
  start: start === null ? null : day(start),
  end: end === null ? null : day(end),
});

const JULY_4 = date("DAY", "2025-07-04", "2025-07-04");
const LATE_JUNE = date("PART_OF_MONTH", "2025-06-21", "2025-06-30");
const JUNE = date("MONTH", "2025-06-01", "2025-06-30");
const YEAR_2025 = date("YEAR", "2025-01-01", "2025-12-31");
const COMING_DAYS = date("UNKNOWN", "2025-06-24", null);

/** A bucket as plain strings, for readable expectations. */
function plain(value: ReturnType<typeof bucketOf>) {
  return {
    key: value.key,
    start: value.start?.toISOString().slice(0, 10) ?? null,
    end: value.end?.toISOString().slice(0, 10) ?? null,
    precision: value.precision,
    period: value.period,
    coarse: value.coarse,
  };
}

describe("periodOf", () => {
  it("gives the calendar day, month and year containing a day", () => {
    expect(plain({ ...periodOf(day("2024-02-10"), "DAY"), coarse: false })).toMatchObject({
      key: "2024-02-10",
      start: "2024-02-10",
      end: "2024-02-10",
    });
    expect(plain({ ...periodOf(day("2024-02-10"), "MONTH"), coarse: false })).toMatchObject({
      key: "2024-02",
      start: "2024-02-01",
      end: "2024-02-29", // leap year
    });
    expect(plain({ ...periodOf(day("2025-02-10"), "MONTH"), coarse: false }).end).toBe(
      "2025-02-28",
    );
    expect(plain({ ...periodOf(day("2025-12-31"), "YEAR"), coarse: false })).toMatchObject({
      key: "2025",
      start: "2025-01-01",
      end: "2025-12-31",
    });
  });
});

describe("bucketOf", () => {
  it("puts a date at least as precise as the granularity in its regular period bucket", () => {
    expect(plain(bucketOf(JULY_4, "DAY"))).toEqual({
      key: "2025-07-04",
      start: "2025-07-04",
      end: "2025-07-04",
      precision: "DAY",
      period: "DAY",
      coarse: false,
    });
    for (const value of [JULY_4, date("DAY", "2025-07-31", "2025-07-31")]) {
      expect(plain(bucketOf(value, "MONTH"))).toEqual({
        key: "2025-07",
        start: "2025-07-01",
        end: "2025-07-31",
        precision: "MONTH",
        period: "MONTH",
        coarse: false,
      });
    }
    // Part of a month lies inside its month and year; a month inside its year.
    expect(plain(bucketOf(LATE_JUNE, "MONTH"))).toMatchObject({ key: "2025-06", coarse: false });
    expect(plain(bucketOf(JUNE, "MONTH"))).toMatchObject({ key: "2025-06", coarse: false });
    for (const value of [JULY_4, LATE_JUNE, JUNE, YEAR_2025]) {
      expect(plain(bucketOf(value, "YEAR"))).toEqual({
        key: "2025",
        start: "2025-01-01",
        end: "2025-12-31",
        precision: "YEAR",
        period: "YEAR",
        coarse: false,
      });
    }
  });

  it("never puts a coarser date on a day: part of a month keeps its own range under DAY", () => {
    expect(plain(bucketOf(LATE_JUNE, "DAY"))).toEqual({
      key: "2025-06-21/2025-06-30",
      start: "2025-06-21",
      end: "2025-06-30",
      precision: "PART_OF_MONTH",
      period: null,
      coarse: true,
    });
  });

  it("gives a month date under DAY, and a year date under DAY or MONTH, a flagged bucket of its own", () => {
    expect(plain(bucketOf(JUNE, "DAY"))).toEqual({
      key: "2025-06",
      start: "2025-06-01",
      end: "2025-06-30",
      precision: "MONTH",
      period: "MONTH",
      coarse: true,
    });
    for (const granularity of ["DAY", "MONTH"] as const) {
      expect(plain(bucketOf(YEAR_2025, granularity))).toEqual({
        key: "2025",
        start: "2025-01-01",
        end: "2025-12-31",
        precision: "YEAR",
        period: "YEAR",
        coarse: true,
      });
    }
  });

  it("puts UNKNOWN dates (even with a start) and dates without a start in the undated bucket", () => {
    const undated = {
      key: "undated",
      start: null,
      end: null,
      precision: "UNKNOWN",
      period: null,
      coarse: true,
    };
    for (const granularity of ["DAY", "MONTH", "YEAR"] as const) {
      expect(plain(bucketOf(COMING_DAYS, granularity))).toEqual(undated);
      expect(plain(bucketOf(date("UNKNOWN", null, null), granularity))).toEqual(undated);
    }
  });

  it("gives keys of different shapes, so they never collide within a timeline", () => {
    const values = [JULY_4, LATE_JUNE, JUNE, YEAR_2025, COMING_DAYS];
    const keys = values.map((value) => bucketOf(value, "DAY").key);
    expect(new Set(keys).size).toBe(values.length);
  });
});

describe("timelineBuckets", () => {
  const groups = [
    { ...COMING_DAYS, count: 2 },
    { ...JUNE, count: 1 },
    { ...date("DAY", "2025-06-01", "2025-06-01"), count: 3 },
    { ...LATE_JUNE, count: 1 },
    { ...date("PART_OF_MONTH", "2025-06-21", "2025-06-25"), count: 1 },
    { ...date("DAY", "2025-06-21", "2025-06-21"), count: 1 },
    { ...JULY_4, count: 2 },
    { ...date("DAY", "2025-07-20", "2025-07-20"), count: 1 },
    { ...YEAR_2025, count: 1 },
    { ...date("DAY", "2024-12-31", "2024-12-31"), count: 1 },
    { ...date("UNKNOWN", null, null), count: 1 },
  ];
  const total = groups.reduce((sum, group) => sum + group.count, 0);

  it("orders by start, finer precision first on the same start, then earlier end, undated last", () => {
    const buckets = timelineBuckets(groups, "DAY");
    expect(buckets.map((b) => [b.key, b.count])).toEqual([
      ["2024-12-31", 1],
      ["2025", 1],
      ["2025-06-01", 3],
      ["2025-06", 1],
      ["2025-06-21", 1],
      ["2025-06-21/2025-06-25", 1],
      ["2025-06-21/2025-06-30", 1],
      ["2025-07-04", 2],
      ["2025-07-20", 1],
      ["undated", 3],
    ]);
  });

  it("sums the groups of a bucket, and the counts sum to the total, at every granularity", () => {
    const month = timelineBuckets(groups, "MONTH");
    expect(month.map((b) => [b.key, b.count, b.coarse])).toEqual([
      ["2024-12", 1, false],
      ["2025", 1, true],
      ["2025-06", 1 + 3 + 1 + 1 + 1, false],
      ["2025-07", 3, false],
      ["undated", 3, true],
    ]);
    const year = timelineBuckets(groups, "YEAR");
    expect(year.map((b) => [b.key, b.count])).toEqual([
      ["2024", 1],
      ["2025", total - 1 - 3],
      ["undated", 3],
    ]);
    for (const granularity of ["DAY", "MONTH", "YEAR"] as Granularity[]) {
      const buckets = timelineBuckets(groups, granularity);
      expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(total);
      expect(new Set(buckets.map((b) => b.key)).size).toBe(buckets.length);
    }
  });

  it("leaves out empty groups and returns nothing for nothing", () => {
    expect(timelineBuckets([], "MONTH")).toEqual([]);
    expect(timelineBuckets([{ ...JULY_4, count: 0 }], "MONTH")).toEqual([]);
  });

  it("compareBuckets is a total order consistent with the sort", () => {
    const buckets = timelineBuckets(groups, "DAY");
    for (let i = 1; i < buckets.length; i++) {
      expect(compareBuckets(buckets[i - 1]!, buckets[i]!)).toBeLessThan(0);
      expect(compareBuckets(buckets[i]!, buckets[i - 1]!)).toBeGreaterThan(0);
    }
  });
});

describe("groupByBucket", () => {
  it("groups items under the keys timelineBuckets gives, keeping their order", () => {
    const items = [
      { id: 1, date: JULY_4 },
      { id: 2, date: LATE_JUNE },
      { id: 3, date: COMING_DAYS },
      { id: 4, date: date("DAY", "2025-06-30", "2025-06-30") },
      { id: 5, date: JULY_4 },
    ];
    const byDay = groupByBucket(items, (item) => item.date, "DAY");
    expect([...byDay].map(([key, group]) => [key, group.map((i) => i.id)])).toEqual([
      ["2025-07-04", [1, 5]],
      ["2025-06-21/2025-06-30", [2]],
      ["undated", [3]],
      ["2025-06-30", [4]],
    ]);
    const byMonth = groupByBucket(items, (item) => item.date, "MONTH");
    expect(
      Object.fromEntries([...byMonth].map(([key, group]) => [key, group.map((i) => i.id)])),
    ).toEqual({ "2025-07": [1, 5], "2025-06": [2, 4], undated: [3] });
    const keys = timelineBuckets(
      items.map((item) => ({ ...item.date, count: 1 })),
      "MONTH",
    ).map((b) => b.key);
    expect(new Set(byMonth.keys())).toEqual(new Set(keys));
  });
});
