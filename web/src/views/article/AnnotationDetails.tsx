// What one annotation is, in words: a claim's claimant, quote, paraphrase, date and event; an
// actor; an event with its date as precisely as it is known.
import type { ReactNode } from "react";
import { formatFuzzyDate } from "../../format/fuzzy-date.ts";
import { words } from "../../format/words.ts";
import type { AnnotationType } from "../../highlight/nest-spans.ts";
import type { Annotation } from "./article-index.ts";

const TITLES: Record<AnnotationType, string> = { claim: "Claim", actor: "Actor", event: "Event" };

export function AnnotationDetails({ annotation }: { annotation: Annotation }) {
  switch (annotation.type) {
    case "claim": {
      const { claim } = annotation;
      return (
        <Details type="claim" kind={words(claim.kind)}>
          <p>
            <span className="label">Claimant</span>{" "}
            <strong className="claimant">{claim.claimant?.name ?? "The article itself"}</strong>
          </p>
          {claim.quote ? <blockquote className="quote">“{claim.quote}”</blockquote> : null}
          <p className="paraphrase">{claim.text}</p>
          <p>
            <span className="label">Stated</span>{" "}
            <span className="stated">{formatFuzzyDate(claim.statedAt)}</span>
          </p>
          {claim.event ? (
            <p>
              <span className="label">Event</span>{" "}
              <span className="event-title">{claim.event.title}</span> · {words(claim.event.status)}{" "}
              · {formatFuzzyDate(claim.event.date)}
            </p>
          ) : null}
          {claim.subjects.length > 0 ? (
            <p>
              <span className="label">About</span> {claim.subjects.map((s) => s.name).join(", ")}
            </p>
          ) : null}
        </Details>
      );
    }
    case "actor": {
      const { actor } = annotation.mention;
      return (
        <Details type="actor" kind={words(actor.kind)}>
          <p>
            <strong className="actor-name">{actor.name}</strong>
          </p>
          {actor.description ? <p className="description">{actor.description}</p> : null}
        </Details>
      );
    }
    case "event": {
      const { event } = annotation.mention;
      return (
        <Details type="event" kind={`${words(event.kind)} · ${words(event.status)}`}>
          <p>
            <strong className="event-title">{event.title}</strong>
          </p>
          <p>
            <span className="label">When</span> {formatFuzzyDate(event.date)}
            {event.location ? ` · ${event.location}` : ""}
          </p>
        </Details>
      );
    }
  }
}

/** The card of one annotation, headed by its colour swatch, its type and what kind it is. */
function Details({
  type,
  kind,
  children,
}: {
  type: AnnotationType;
  kind: string;
  children: ReactNode;
}) {
  const label = TITLES[type];
  return (
    <section className={`details ${type}`} aria-label={label}>
      <p className="details-kind">
        <span className={`swatch ${type}`} aria-hidden="true" /> {label} · {kind}
      </p>
      {children}
    </section>
  );
}
