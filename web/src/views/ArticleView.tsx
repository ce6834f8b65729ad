// An article read through its structure: the body with every claim, actor mention and event
// mention highlighted (legend and toggles above), details of a highlight on hover or focus,
// and side panels listing actors, claims and events that scroll to their places in the text.
import { useEffect, useMemo, useState } from "react";
import { useQuery } from "urql";
import { Failure, Loading } from "../components/Status.tsx";
import type { AnnotationType } from "../highlight/nest-spans.ts";
import { Link } from "../router.tsx";
import { ArticleBody, type Visible } from "./article/ArticleBody.tsx";
import { buildIndex } from "./article/article-index.ts";
import { Legend } from "./article/Legend.tsx";
import { SidePanels } from "./article/SidePanels.tsx";
import { useAllAnnotations } from "./article/useAllAnnotations.ts";
import { Article } from "./article-query.ts";

export function ArticleView({ slug }: { slug: string }) {
  const [{ data, fetching, error }] = useQuery({ query: Article, variables: { slug } });
  const [visible, setVisible] = useState<Visible>({ claim: true, actor: true, event: true });
  const document = data?.document;
  const { annotations, error: moreError } = useAllAnnotations(document);
  const index = useMemo(() => (annotations ? buildIndex(annotations) : null), [annotations]);

  // A link to a claim (#<id>, from search) scrolls to it once the article is there.
  const complete = annotations?.complete ?? false;
  useEffect(() => {
    if (!complete) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) scrollToAnnotation(id);
  }, [complete]);

  if (error) return <Failure error={error} />;
  if (fetching && !data) return <Loading what="the article" />;
  if (document && !index) return <Loading what="the annotations" />;
  if (!document || !index) {
    return (
      <section className="view">
        <h1>No such article</h1>
        <p>
          No document has the slug “{slug}”. <Link to="/">Back to the library</Link>.
        </p>
      </section>
    );
  }
  const toggle = (type: AnnotationType) => setVisible((v) => ({ ...v, [type]: !v[type] }));
  return (
    <article className="view article" aria-labelledby="article-title">
      <header className="article-header">
        <p className="breadcrumbs">
          <Link to="/">Library</Link> ›
        </p>
        <h1 id="article-title">{document.title}</h1>
        <p className="meta">
          {document.publishedAt ? (
            <>
              Published{" "}
              <time dateTime={document.publishedAt}>
                {new Date(document.publishedAt).toLocaleDateString("en-US", {
                  dateStyle: "long",
                  timeZone: "UTC",
                })}
              </time>
            </>
          ) : (
            "No publication date"
          )}
          {document.source ? ` · ${document.source}` : ""} ·{" "}
          <Link to={`/timeline?document=${encodeURIComponent(document.slug)}`}>
            Timeline of its events
          </Link>
        </p>
        <Legend visible={visible} onToggle={toggle} counts={index.counts} />
        {!annotations?.complete ? (
          <p className="status" role="status">
            Reading the rest of the annotations…
          </p>
        ) : null}
        {moreError ? (
          <p className="status error" role="alert">
            Some annotations could not be read: {moreError}
          </p>
        ) : null}
      </header>
      <div className="article-layout">
        <ArticleBody body={document.body} index={index} visible={visible} />
        <SidePanels index={index} onShow={scrollToAnnotation} />
      </div>
    </article>
  );
}

/** Scrolls to the highlight of an annotation (its first fragment) and focuses it. */
export function scrollToAnnotation(id: string): void {
  const target = document.querySelector<HTMLElement>(
    `[data-ann-id="${CSS.escape(id)}"][data-fragment="0"]`,
  );
  if (!target) return;
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  target.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
  target.focus({ preventScroll: true });
}
