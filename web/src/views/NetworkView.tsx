// Actors as nodes, co-occurrence as weighted edges (the API's actorNetwork: shared events,
// claims about each other, shared documents), laid out by d3-force. Each actor links to its
// page; a table lists the same pairs.
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";
import { scaleLinear, scaleSqrt } from "d3-scale";
import { useMemo } from "react";
import { useQuery } from "urql";
import { Failure, Loading } from "../components/Status.tsx";
import { useWidth } from "../components/useWidth.ts";
import { words } from "../format/words.ts";
import { graphql } from "../generated/gql.ts";
import { Link, navigate } from "../router.tsx";

const Network = graphql(`
  query Network($minWeight: Int) {
    actorNetwork(first: 100, minWeight: $minWeight) {
      weight
      events
      claims
      documents
      source {
        id
        name
        kind
      }
      target {
        id
        name
        kind
      }
    }
  }
`);

interface Node extends SimulationNodeDatum {
  id: string;
  name: string;
  kind: string;
  strength: number;
}

interface Edge extends SimulationLinkDatum<Node> {
  weight: number;
  source: Node;
  target: Node;
}

const actorPath = (name: string) => `/actors/${encodeURIComponent(name)}`;

type Link_ = NonNullable<ReturnType<typeof useNetwork>[0]["data"]>["actorNetwork"][number];

const useNetwork = (minWeight: number) => useQuery({ query: Network, variables: { minWeight } });

/** By default pairs that only share a document are left out: in one article, every pair does. */
export const DEFAULT_MIN_WEIGHT = 2;

/** Positions from a d3-force simulation run to rest (deterministic: no random start). */
function layout(links: readonly Link_[], width: number, height: number) {
  const nodes = new Map<string, Node>();
  for (const link of links) {
    for (const actor of [link.source, link.target]) {
      const node = nodes.get(actor.id) ?? { ...actor, strength: 0 };
      node.strength += link.weight;
      nodes.set(actor.id, node);
    }
  }
  // Start on a circle so the same data always gives the same picture.
  const list = [...nodes.values()];
  list.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / list.length;
    node.x = width / 2 + (width / 3) * Math.cos(angle);
    node.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  const edges: Edge[] = links.map((link) => ({
    source: nodes.get(link.source.id)!,
    target: nodes.get(link.target.id)!,
    weight: link.weight,
  }));
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  forceSimulation(list)
    .force(
      "link",
      forceLink<Node, Edge>(edges)
        .distance((e) => 220 - 120 * (e.weight / maxWeight))
        .strength((e) => 0.05 + 0.4 * (e.weight / maxWeight)),
    )
    .force("charge", forceManyBody().strength(-900))
    .force("collide", forceCollide(48))
    .force("center", forceCenter(width / 2, height / 2))
    .stop()
    .tick(300);
  fitInto(list, width, height, 70);
  return { nodes: list, edges, maxWeight };
}

/** Scales and moves the layout to fill the box, keeping its proportions (labels need room). */
function fitInto(nodes: Node[], width: number, height: number, inset: number): void {
  if (nodes.length === 0) return;
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (width - 2 * inset) / Math.max(1, x1 - x0),
    (height - 2 * inset) / Math.max(1, y1 - y0),
  );
  const dx = (width - scale * (x1 - x0)) / 2;
  const dy = (height - scale * (y1 - y0)) / 2;
  for (const node of nodes) {
    node.x = dx + scale * ((node.x ?? 0) - x0);
    node.y = dy + scale * ((node.y ?? 0) - y0);
  }
}

export function NetworkView({ params }: { params: URLSearchParams }) {
  const minWeight = Math.max(1, Number(params.get("min")) || DEFAULT_MIN_WEIGHT);
  const [{ data, fetching, error }] = useNetwork(minWeight);
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = Math.max(360, Math.min(560, Math.round(width * 0.6)));
  const graph = useMemo(
    () => (data ? layout(data.actorNetwork, width, height) : null),
    [data, width, height],
  );
  const links = data?.actorNetwork ?? [];
  const strokeWidth = scaleLinear()
    .domain([1, graph?.maxWeight ?? 1])
    .range([1, 9]);
  const radius = scaleSqrt()
    .domain([0, Math.max(1, ...(graph?.nodes.map((n) => n.strength) ?? [1]))])
    .range([6, 22]);
  return (
    <section className="view network" aria-labelledby="network-title">
      <h1 id="network-title">Actor network</h1>
      <p className="lede">
        Actors that occur together: a line's thickness is the weight — events both take part in,
        claims one makes about the other, documents mentioning both. Select an actor to see their
        claims over time.
      </p>
      <form className="filters" aria-label="Which pairs" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="network-min-weight">Leave out pairs lighter than</label>
          <select
            id="network-min-weight"
            value={minWeight}
            onChange={(e) => navigate(`/network?min=${e.target.value}`, { replace: true })}
          >
            {[1, 2, 3, 4, 5, 6, 8, 10].map((weight) => (
              <option key={weight} value={weight}>
                {weight === 1 ? "1 (show every pair)" : weight}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error ? <Failure error={error} /> : null}
      {fetching && !data ? <Loading what="the network" /> : null}
      {data ? (
        <p className="count" aria-live="polite">
          {links.length} pairs of actors
        </p>
      ) : null}
      <div className="network-canvas" ref={ref}>
        {graph ? (
          <svg width={width} height={height} aria-label="Actor network graph">
            <g className="edges">
              {graph.edges.map((edge) => (
                <line
                  key={`${edge.source.id}-${edge.target.id}`}
                  x1={edge.source.x}
                  y1={edge.source.y}
                  x2={edge.target.x}
                  y2={edge.target.y}
                  strokeWidth={strokeWidth(edge.weight)}
                >
                  <title>
                    {edge.source.name} – {edge.target.name}: weight {edge.weight}
                  </title>
                </line>
              ))}
            </g>
            <g className="nodes">
              {graph.nodes.map((node) => (
                <a
                  key={node.id}
                  href={actorPath(node.name)}
                  className={`node ${node.kind.toLowerCase()}`}
                  data-actor={node.name}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(actorPath(node.name));
                  }}
                >
                  <title>{`${node.name} (${words(node.kind)}), total weight ${node.strength}`}</title>
                  <circle cx={node.x} cy={node.y} r={radius(node.strength)} />
                  <text
                    x={node.x}
                    y={(node.y ?? 0) + radius(node.strength) + 14}
                    textAnchor="middle"
                  >
                    {node.name}
                  </text>
                </a>
              ))}
            </g>
          </svg>
        ) : null}
      </div>
      {data ? (
        <table className="network-table">
          <caption>Pairs of actors, heaviest first</caption>
          <thead>
            <tr>
              <th scope="col">Actors</th>
              <th scope="col">Weight</th>
              <th scope="col">Events</th>
              <th scope="col">Claims</th>
              <th scope="col">Documents</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={`${link.source.id}-${link.target.id}`}>
                <th scope="row">
                  <Link to={actorPath(link.source.name)}>{link.source.name}</Link> –{" "}
                  <Link to={actorPath(link.target.name)}>{link.target.name}</Link>
                </th>
                <td>{link.weight}</td>
                <td>{link.events}</td>
                <td>{link.claims}</td>
                <td>{link.documents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
