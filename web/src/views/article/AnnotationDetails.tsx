// What one annotation is, in words: a claim's claimant, quote, paraphrase, date and event; an
// actor; an event with its date as precisely as it is known.
import { formatFuzzyDate } from "../../format/fuzzy-date.ts";
import { words } from "../../format/words.ts";
import type { Annotation } from "./article-index.ts";

export function AnnotationDetails({ annotation }: { annotation: Annotation }) {
  switch (annotation.type) {
    case "claim": {
      const { claim } = annotation;
      return (
        <section className="details claim" aria-label="Claim">
          <p className="details-kind">
            <span className="swatch claim" aria-hidden="true" /> Claim · {words(claim.kind)}
          </p>
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
        </section>
      );
    }
    case "actor": {
      const { actor } = annotation.mention;
      return (
        <section className="details actor" aria-label="Actor">
          <p className="details-kind">
            <span className="swatch actor" aria-hidden="true" /> Actor · {words(actor.kind)}
          </p>
          <p>
            <strong className="actor-name">{actor.name}</strong>
          </p>
          {actor.description ? <p className="description">{actor.description}</p> : null}
        </section>
      );
    }
    case "event": {
      const { event } = annotation.mention;
      return (
        <section className="details event" aria-label="Event">
          <p className="details-kind">
            <span className="swatch event" aria-hidden="true" /> Event · {words(event.kind)} ·{" "}
            {words(event.status)}
          </p>
          <p>
            <strong className="event-title">{event.title}</strong>
          </p>
          <p>
            <span className="label">When</span> {formatFuzzyDate(event.date)}
            {event.location ? ` · ${event.location}` : ""}
          </p>
        </section>
      );
    }
  }
}
