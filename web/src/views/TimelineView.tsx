// The events of a document, an actor or a filter on a time axis. The API's timeline groups
// them by day, keeping coarser dates in buckets of their own ("late June" is one bucket
// spanning June 21–30); the chart draws each event as precisely as it is dated.
import { useQuery } from "urql";
import { DateField, EVENT_KIND_OPTIONS, SelectField } from "../components/filter-fields.tsx";
import { Failure, Loading } from "../components/Status.tsx";
import { TimeChart, type TimeItem } from "../components/TimeChart.tsx";
import { words } from "../format/words.ts";
import { graphql } from "../generated/gql.ts";
import type { EventFilter, EventKind } from "../generated/graphql.ts";
import { Link, navigate } from "../router.tsx";

const Timeline = graphql(`
  query Timeline($filter: EventFilter) {
    timeline(filter: $filter, granularity: DAY) {
      key
      start
      end
      precision
      coarse
      count
      events(first: 100) {
        nodes {
          ...EventSummaryFields
          documents(first: 1) {
            nodes {
              id
              slug
            }
          }
        }
      }
    }
    documents(first: 100, orderBy: [{ title: ASC }]) {
      nodes {
        id
        slug
        title
      }
    }
  }
`);

function eventFilter(params: URLSearchParams): EventFilter | undefined {
  const parts: EventFilter[] = [];
  const document = params.get("document");
  if (document) parts.push({ documents: { some: { slug: { equals: document } } } });
  const actor = params.get("actor");
  if (actor) {
    parts.push({
      participants: { some: { actor: { nameOrAlias: { equals: actor, mode: "INSENSITIVE" } } } },
    });
  }
  const kind = params.get("kind");
  if (kind) parts.push({ kind: { equals: kind as EventKind } });
  const from = params.get("from");
  const to = params.get("to");
  if (from || to) {
    parts.push({ date: { overlaps: { start: from || "0001-01-01", end: to || "9999-12-31" } } });
  }
  return parts.length > 0 ? { AND: parts } : undefined;
}

function withParam(params: URLSearchParams, key: string, value: string): string {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  const query = next.toString();
  return query ? `/timeline?${query}` : "/timeline";
}

export function TimelineView({ params }: { params: URLSearchParams }) {
  const [{ data, fetching, error }] = useQuery({
    query: Timeline,
    variables: { filter: eventFilter(params) },
  });
  const set = (param: string, value: string) =>
    navigate(withParam(params, param, value), { replace: true });
  const field = { params, onChange: set };
  const documents = data?.documents.nodes.map((document) => ({
    value: document.slug,
    label: document.title,
  }));
  const items: TimeItem[] =
    data?.timeline.flatMap((bucket) =>
      bucket.events.nodes.map((event) => {
        const slug = event.documents.nodes[0]?.slug;
        return {
          id: event.id,
          label: event.title,
          date: event.date,
          planned: event.status === "PLANNED",
          detail: `${words(event.kind)}, ${words(event.status)}${event.location ? `, ${event.location}` : ""}`,
          link: slug ? (
            <Link to={`/documents/${encodeURIComponent(slug)}`}>{event.title}</Link>
          ) : undefined,
        };
      }),
    ) ?? [];
  const undated = data?.timeline.find((bucket) => bucket.key === "undated")?.count ?? 0;
  return (
    <section className="view timeline" aria-labelledby="timeline-title">
      <h1 id="timeline-title">Timeline</h1>
      <form className="filters" aria-label="Which events" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          {...field}
          id="timeline-document"
          label="Document"
          param="document"
          anyLabel="All documents"
          options={documents ?? []}
        />
        <SelectField
          {...field}
          id="timeline-kind"
          label="Event kind"
          param="kind"
          anyLabel="Any kind"
          options={EVENT_KIND_OPTIONS}
        />
        <DateField {...field} id="timeline-from" label="From" param="from" />
        <DateField {...field} id="timeline-to" label="to" param="to" />
      </form>
      {params.get("actor") ? (
        <p className="status">
          Events {params.get("actor")} takes part in.{" "}
          <Link to={withParam(params, "actor", "")}>Show all</Link>
        </p>
      ) : null}
      {error ? <Failure error={error} /> : null}
      {fetching && !data ? <Loading what="the timeline" /> : null}
      {data ? (
        <>
          <p className="count" aria-live="polite">
            {items.length} events
            {undated > 0
              ? `, ${undated} with no known end or date (listed, drawn as open arrows when they have a start)`
              : ""}
          </p>
          <TimeChart items={items} caption="Events by date" />
        </>
      ) : null}
    </section>
  );
}
