// Lists of the article's actors, claims and events. Clicking one scrolls to its place in the
// text and focuses the highlight there; clicking an actor or event again goes to its next
// mention.
import { type ReactNode, useState } from "react";
import { formatFuzzyDateShort } from "../../format/fuzzy-date.ts";
import { count, words } from "../../format/words.ts";
import type { AnnotationType } from "../../highlight/nest-spans.ts";
import { Link } from "../../router.tsx";
import type { ArticleIndex } from "./article-index.ts";

export function SidePanels({
  index,
  onShow,
}: {
  index: ArticleIndex;
  onShow: (annotationId: string) => void;
}) {
  const [turn, setTurn] = useState<Record<string, number>>({});
  /** The next of several mentions, round and round. */
  const cycle = (key: string, ids: string[]) => {
    const n = turn[key] ?? 0;
    setTurn({ ...turn, [key]: n + 1 });
    const id = ids[n % ids.length];
    if (id) onShow(id);
  };
  return (
    <aside
      id="annotation-panels"
      className="side-panels"
      aria-label="Annotations of this article"
      tabIndex={-1}
    >
      <Panel kind="actor" title="Actors" size={index.actors.length}>
        <ul>
          {index.actors.map(({ actor, mentionIds, claims }) => (
            <li key={actor.id}>
              <PanelItem
                title={actor.name}
                meta={[
                  words(actor.kind),
                  count(mentionIds.length, "mention"),
                  ...(claims > 0 ? [count(claims, "claim")] : []),
                ].join(" · ")}
                onClick={() => cycle(actor.id, mentionIds)}
              />
              <Link className="item-link" to={`/actors/${encodeURIComponent(actor.name)}`}>
                <span className="visually-hidden">{actor.name}: </span>profile
              </Link>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel kind="claim" title="Claims" size={index.claims.length}>
        <ol>
          {index.claims.map((claim) => (
            <li key={claim.id}>
              <PanelItem
                title={claim.claimant?.name ?? "The article"}
                text={claim.text}
                meta={`${words(claim.kind)} · ${formatFuzzyDateShort(claim.statedAt)}`}
                onClick={() => onShow(claim.id)}
              />
            </li>
          ))}
        </ol>
      </Panel>
      <Panel kind="event" title="Events" size={index.events.length}>
        <ul>
          {index.events.map(({ event, mentionIds }) => (
            <li key={event.id}>
              <PanelItem
                title={event.title}
                meta={`${formatFuzzyDateShort(event.date)} · ${words(event.status)}`}
                onClick={() => cycle(event.id, mentionIds)}
              />
            </li>
          ))}
        </ul>
      </Panel>
    </aside>
  );
}

/** One collapsible list of the side panels, open at first, its heading saying how many. */
function Panel({
  kind,
  title,
  size,
  children,
}: {
  kind: AnnotationType;
  title: string;
  size: number;
  children: ReactNode;
}) {
  return (
    <details open className={`panel ${kind}`}>
      <summary>
        <h2>
          {title} ({size})
        </h2>
      </summary>
      {children}
    </details>
  );
}

/** One entry of a panel: a button that shows the annotation in the text. */
function PanelItem({
  title,
  text,
  meta,
  onClick,
}: {
  title: string;
  /** The claim's paraphrase, under its claimant. */
  text?: string;
  meta: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="panel-item" onClick={onClick}>
      <span className="item-title">{title}</span>
      {text === undefined ? null : <span className="item-text">{text}</span>}
      <span className="item-meta">{meta}</span>
    </button>
  );
}
