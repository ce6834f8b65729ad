// Query.timeline: events bucketed by day, month or year (the scheme is in src/domain/timeline.ts).
//
// Statements: the counts are one Prisma groupBy (GROUP BY precision, start, end with COUNT(*),
// the filter in its WHERE), folded into buckets in memory; no event row is read for them. A
// bucket's `events` are loaded, when asked for, by one findMany for every bucket of the timeline
// (the filter again, with the selection the query makes under `events`), grouped by bucket in
// memory and paged per bucket.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import {
  type CountedBucket,
  GRANULARITIES,
  type Granularity,
  groupByBucket,
  timelineBuckets,
  UNDATED_KEY,
} from "../domain/timeline.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { DatePrecision as DatePrecisionValue } from "../generated/prisma/enums.ts";
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./builder.ts";
import { db } from "./db.ts";
import { Event } from "./event.ts";
import { EventFilter, eventFilter } from "./filters/index.ts";
import { DatePrecision } from "./fuzzy-date.ts";

export const TimeGranularity = builder.enumType("TimeGranularity", {
  description: "The calendar period a timeline buckets by",
  values: GRANULARITIES,
});

interface EventRow {
  id: number;
  datePrecision: DatePrecisionValue;
  dateStart: Date | null;
  dateEnd: Date | null;
}

/** What every bucket of one timeline shares: how to load the events, once per selection. */
interface TimelineSource {
  where: Prisma.EventWhereInput;
  granularity: Granularity;
  /** Per `events` field in the query (aliases may select differently): events by bucket key. */
  loads: Map<FieldNode, Promise<Map<string, EventRow[]>>>;
}

interface BucketShape extends CountedBucket {
  source: TimelineSource;
}

const TimelineBucket = builder.objectRef<BucketShape>("TimelineBucket").implement({
  description:
    "Events of one period of a timeline. A regular bucket holds every event dated at least as " +
    "precisely as the granularity within one calendar period: key 2025-07-04 (DAY), 2025-07 " +
    "(MONTH) or 2025 (YEAR). An event dated less precisely than the granularity is never put on " +
    "a day or month it may not be: it goes in a coarse bucket of its own precision spanning what " +
    "the date can mean — key 2025-06 (precision MONTH) or 2025 (YEAR), or, under DAY, " +
    '2025-06-21/2025-06-30 (PART_OF_MONTH, e.g. "late June"; events with the same range share ' +
    'it). Events of UNKNOWN precision ("in the coming days") are in one bucket, key "undated", ' +
    "with no start or end. Buckets come by start, undated last; on the same start the finer " +
    "precision first (2025-06-01 before 2025-06), then the earlier end.",
  fields: (t) => ({
    key: t.exposeString("key", {
      nullable: false,
      description:
        'Unique within the timeline: "2025-07-04", "2025-07", "2025", "2025-06-21/2025-06-30" ' +
        `(an ISO 8601 interval) or "${UNDATED_KEY}"`,
    }),
    start: t.expose("start", {
      type: "Date",
      nullable: true,
      description: "First day the bucket covers; null for undated",
    }),
    end: t.expose("end", {
      type: "Date",
      nullable: true,
      description: "Last day the bucket covers (inclusive); null for undated",
    }),
    precision: t.expose("precision", {
      nullable: false,
      type: DatePrecision,
      description:
        "How precisely its events are dated: the granularity (DAY, MONTH, YEAR) for a regular " +
        "bucket; PART_OF_MONTH, MONTH or YEAR for a coarse one; UNKNOWN for undated",
    }),
    granularity: t.field({
      type: TimeGranularity,
      nullable: true,
      description:
        "The calendar period the bucket is: the timeline's granularity for a regular bucket, " +
        "MONTH or YEAR for a coarse bucket of month or year dates; null for a part-of-month " +
        "range and for undated",
      resolve: (bucket) => bucket.period,
    }),
    coarse: t.exposeBoolean("coarse", {
      nullable: false,
      description:
        "True when the bucket's events are dated less precisely than the timeline's " +
        "granularity (undated included): they are somewhere in [start, end], not on each day",
    }),
    count: t.exposeInt("count", { nullable: false, description: "Events in the bucket" }),
    events: t.connection(
      {
        type: Event,
        nullable: false,
        description:
          `The bucket's events, by date then id; ${DEFAULT_PAGE_SIZE} a page unless first or ` +
          `last says otherwise (at most ${MAX_PAGE_SIZE}). Loaded for all buckets at once.`,
        resolve: async (bucket, args, context, info) => {
          const byBucket = await loadEvents(bucket.source, context, info);
          const events = byBucket.get(bucket.key) ?? [];
          const page = resolveArrayConnection(
            { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
            events,
          );
          return { ...page, totalCount: events.length };
        },
      },
      {
        name: "TimelineEventConnection",
        fields: (c) => ({
          totalCount: c.int({ nullable: false, resolve: (connection) => connection.totalCount }),
        }),
      },
      { name: "TimelineEventEdge" },
    ),
  }),
});

/** One findMany for the events of every bucket, whatever the number of buckets. */
function loadEvents(
  source: TimelineSource,
  context: object,
  info: GraphQLResolveInfo,
): Promise<Map<string, EventRow[]>> {
  const field = info.fieldNodes[0]!;
  let load = source.loads.get(field);
  if (!load) {
    load = (async () => {
      const query = await queryFromInfo({
        context,
        info,
        typeName: "Event",
        paths: [["edges", "node"], ["nodes"]],
        select: { id: true, datePrecision: true, dateStart: true, dateEnd: true },
        awaitSelections: true,
      });
      const rows = (await db().event.findMany({
        ...(query as { select: Prisma.EventSelect }),
        where: source.where,
        orderBy: [
          { dateStart: { sort: "asc", nulls: "last" } },
          { dateEnd: { sort: "asc", nulls: "last" } },
          { id: "asc" },
        ],
      })) as EventRow[];
      return groupByBucket(
        rows,
        (row) => ({ precision: row.datePrecision, start: row.dateStart, end: row.dateEnd }),
        source.granularity,
      );
    })();
    source.loads.set(field, load);
  }
  return load;
}

builder.queryField("timeline", (t) =>
  t.field({
    type: [TimelineBucket],
    nullable: false,
    description:
      "Events matching the filter, counted by calendar period (see TimelineBucket for how " +
      "events dated less precisely than the granularity are kept apart). The counts sum to " +
      "the number of events matching the filter.",
    args: {
      filter: t.arg({ type: EventFilter }),
      granularity: t.arg({
        type: TimeGranularity,
        defaultValue: "MONTH",
        description: "Default (and when null) MONTH",
      }),
    },
    resolve: async (_root, args) => {
      const granularity = args.granularity ?? "MONTH";
      const where = await eventFilter(args.filter);
      const groups = await db().event.groupBy({
        by: ["datePrecision", "dateStart", "dateEnd"],
        where,
        _count: { _all: true },
      });
      const source: TimelineSource = { where, granularity, loads: new Map() };
      return timelineBuckets(
        groups.map((group) => ({
          precision: group.datePrecision,
          start: group.dateStart,
          end: group.dateEnd,
          count: group._count._all,
        })),
        granularity,
      ).map((bucket) => ({ ...bucket, source }));
    },
  }),
);
