// Things on a time axis (d3-scale), drawn as precisely as their dates are known: a day is a
// point, part of a month, a month or a year is a band over the days it can mean, a date known
// only to start somewhere ("in the coming days") is an open arrow from that day, and planned
// things are hollow and labelled. Undated things are listed under the chart. A table with the
// same rows follows for screen readers and for copying.
import { scaleUtc } from "d3-scale";
import type { ReactNode } from "react";
import { type FuzzyDateLike, formatDay, formatFuzzyDate } from "../format/fuzzy-date.ts";
import { words } from "../format/words.ts";
import { useWidth } from "./useWidth.ts";

export interface TimeItem {
  id: string;
  label: string;
  date: FuzzyDateLike | null | undefined;
  planned?: boolean;
  /** Extra words for the table ("negotiation", "ongoing" …). */
  detail?: string;
  link?: ReactNode;
}

const ROW = 44;
const MARGIN = { top: 34, right: 16, bottom: 12, left: 16 };
const DAY_MS = 86_400_000;

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Shape = "point" | "band" | "open";

function shapeOf(date: FuzzyDateLike): Shape {
  if (date.precision === "DAY") return "point";
  if (date.start && date.end) return "band";
  return "open";
}

export function TimeChart({ items, caption }: { items: TimeItem[]; caption: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const dated = items
    .filter((item) => item.date?.start)
    .sort((a, b) => a.date!.start!.localeCompare(b.date!.start!));
  const undated = items.filter((item) => !item.date?.start);

  // The axis covers the things dated to a day or a range. Something known only to have begun
  // long before (a war "for now") would squash them into a corner: it is drawn from the left
  // edge with an arrow saying it began earlier, and the table gives its start.
  const bounded = dated.filter((item) => shapeOf(item.date!) !== "open");
  const framing = bounded.length > 0 ? bounded : dated;
  const starts = framing.map((item) => utc(item.date!.start!).getTime());
  const ends = dated.map((item) => utc(item.date!.end ?? item.date!.start!).getTime() + DAY_MS);
  const min = Math.min(...starts);
  const max = Math.max(...ends);
  // At least ten days either side: the axis stays in days, never hours.
  const pad = Math.max((max - min) * 0.04, 10 * DAY_MS);
  // Dates are calendar days: UTC, whatever the reader's time zone.
  const x = scaleUtc()
    .domain([new Date(min - pad), new Date(max + pad)])
    .range([MARGIN.left, width - MARGIN.right])
    .clamp(true);
  const axisStart = min - pad;
  const height = MARGIN.top + dated.length * ROW + MARGIN.bottom;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 110)));
  const tickFormat = x.tickFormat();

  return (
    <figure className="time-chart" ref={ref}>
      {dated.length > 0 ? (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${caption}: ${dated.length} dated on a time axis; the table below lists them`}
        >
          <g className="axis">
            {ticks.map((tick) => (
              <g key={tick.getTime()} transform={`translate(${x(tick)},0)`}>
                <line y1={MARGIN.top - 6} y2={height - MARGIN.bottom} />
                <text y={MARGIN.top - 12} textAnchor="middle">
                  {tickFormat(tick)}
                </text>
              </g>
            ))}
          </g>
          {dated.map((item, row) => {
            const date = item.date!;
            const shape = shapeOf(date);
            const y = MARGIN.top + row * ROW + 30;
            const x0 = x(utc(date.start!));
            const x1 = shape === "band" ? x(new Date(utc(date.end!).getTime() + DAY_MS)) : x0;
            const earlier = utc(date.start!).getTime() < axisStart;
            const labelRight = x0 < width * 0.6;
            const labelX = labelRight
              ? Math.max(x0, MARGIN.left)
              : Math.min(x1, width - MARGIN.right);
            return (
              <g
                key={item.id}
                className={`mark ${shape}${item.planned ? " planned" : ""}`}
                data-id={item.id}
                data-shape={shape}
                data-precision={date.precision}
                data-earlier={earlier}
              >
                <text
                  className="mark-label"
                  x={labelX}
                  y={y - 12}
                  textAnchor={labelRight ? "start" : "end"}
                >
                  {earlier ? "← " : ""}
                  {item.label.length > 90 ? `${item.label.slice(0, 88)}…` : item.label}
                  {item.planned ? " (planned)" : ""}
                  {earlier ? ` (since ${formatDay(date.start!)})` : ""}
                </text>
                {shape === "point" ? (
                  <circle cx={x0} cy={y} r={6} />
                ) : shape === "band" ? (
                  <rect x={x0} y={y - 6} width={Math.max(3, x1 - x0)} height={12} rx={3} />
                ) : (
                  <>
                    <line x1={x0} x2={width - MARGIN.right - 8} y1={y} y2={y} />
                    <path d={`M${width - MARGIN.right - 8},${y - 5} l8,5 l-8,5 z`} />
                    {earlier ? (
                      <path d={`M${x0},${y} l8,-5 l0,10 z`} />
                    ) : (
                      <circle cx={x0} cy={y} r={4} />
                    )}
                  </>
                )}
              </g>
            );
          })}
        </svg>
      ) : null}
      <figcaption className="chart-legend">
        <span>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className="key point" />
          </svg>{" "}
          a day
        </span>
        <span>
          <svg width="24" height="14" aria-hidden="true">
            <rect x="1" y="2" width="22" height="10" rx="3" className="key band" />
          </svg>{" "}
          part of a month, a month or a year
        </span>
        <span>
          <svg width="24" height="14" aria-hidden="true">
            <line x1="1" x2="20" y1="7" y2="7" className="key open" />
          </svg>{" "}
          from a day on, end unknown
        </span>
        <span>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className="key planned" />
          </svg>{" "}
          planned
        </span>
      </figcaption>
      <table className="time-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">When</th>
            <th scope="col">Precision</th>
          </tr>
        </thead>
        <tbody>
          {[...dated, ...undated].map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {item.link ?? item.label}
                {item.planned ? <span className="badge planned">planned</span> : null}
                {item.detail ? <span className="table-detail"> · {item.detail}</span> : null}
              </th>
              <td>{formatFuzzyDate(item.date)}</td>
              <td>{item.date ? words(item.date.precision) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
