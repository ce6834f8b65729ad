// One actor: who they are, how much the data says about them, their claims over time (on the
// same precision-honest axis as the timeline) and the events they take part in.
import { useQuery } from "urql";
import { Failure, Loading } from "../components/Status.tsx";
import { TimeChart } from "../components/TimeChart.tsx";
import { formatFuzzyDate } from "../format/fuzzy-date.ts";
import { words } from "../format/words.ts";
import { graphql } from "../generated/gql.ts";
import { Link } from "../router.tsx";

const ActorPage = graphql(`
  query ActorPage($name: String!) {
    actor(name: $name) {
      id
      name
      kind
      aliases
      description
      stats {
        claims
        claimsAbout
        documents
        events
        mentions
      }
      claims(first: 100, orderBy: [{ statedAt: ASC }]) {
        totalCount
        nodes {
          id
          text
          quote
          kind
          statedAt {
            ...FuzzyDateFields
          }
          document {
            id
            slug
            title
          }
          event {
            id
            title
          }
        }
      }
      events(first: 100) {
        edges {
          role
          node {
            ...EventSummaryFields
          }
        }
      }
    }
  }
`);

const claimPath = (slug: string, id: string) =>
  `/documents/${encodeURIComponent(slug)}#${encodeURIComponent(id)}`;

export function ActorView({ name }: { name: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ActorPage, variables: { name } });
  if (error) return <Failure error={error} />;
  if (fetching && !data) return <Loading what={name} />;
  const actor = data?.actor;
  if (!actor) {
    return (
      <section className="view">
        <h1>No actor called “{name}”</h1>
        <p>
          <Link to="/network">Back to the network</Link>
        </p>
      </section>
    );
  }
  const { stats } = actor;
  return (
    <article className="view actor-page" aria-labelledby="actor-title">
      <p className="breadcrumbs">
        <Link to="/network">Actor network</Link> ›
      </p>
      <h1 id="actor-title">{actor.name}</h1>
      <p className="meta">
        {words(actor.kind)}
        {actor.aliases.length > 0 ? ` · also ${actor.aliases.join(", ")}` : ""}
      </p>
      {actor.description ? <p className="lede">{actor.description}</p> : null}
      <dl className="stats">
        {(
          [
            ["Claims made", stats.claims],
            ["Claims about", stats.claimsAbout],
            ["Events", stats.events],
            ["Documents", stats.documents],
            ["Mentions", stats.mentions],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="claims-title">
        <h2 id="claims-title">Claims over time ({actor.claims.totalCount})</h2>
        {actor.claims.totalCount === 0 ? (
          <p>{actor.name} makes no claim in the documents.</p>
        ) : (
          <>
            <TimeChart
              caption={`Claims by ${actor.name}, by when they were made`}
              items={actor.claims.nodes.map((claim) => ({
                id: claim.id,
                label: claim.text,
                date: claim.statedAt,
                detail: words(claim.kind),
                link: <Link to={claimPath(claim.document.slug, claim.id)}>{claim.text}</Link>,
              }))}
            />
            <ol className="claim-list">
              {actor.claims.nodes.map((claim) => (
                <li key={claim.id} className="card">
                  <p className="meta">
                    {formatFuzzyDate(claim.statedAt)} · {words(claim.kind)}
                    {claim.event ? ` · ${claim.event.title}` : ""}
                  </p>
                  {claim.quote ? <blockquote>“{claim.quote}”</blockquote> : <p>{claim.text}</p>}
                  <p className="meta">
                    In{" "}
                    <Link to={claimPath(claim.document.slug, claim.id)}>
                      {claim.document.title}
                    </Link>
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <ul className="event-list">
          {actor.events.edges.map(({ node, role }) => (
            <li key={node.id}>
              <strong>{node.title}</strong> — {formatFuzzyDate(node.date)}
              {role ? ` · ${role}` : ""} · {words(node.status)}
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/timeline?actor=${encodeURIComponent(actor.name)}`}>
            {actor.name}'s events on the timeline
          </Link>
        </p>
      </section>
    </article>
  );
}
