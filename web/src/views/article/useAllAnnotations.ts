// Every annotation of an article, however many: the Article query reads the first 100 of each
// kind (the API's largest page); this reads the rest, a page of each unfinished kind per
// request, and hands back the lists so far.
import { useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import { type ArticleAnnotations, type ArticleDocument, ArticleMore } from "../article-query.ts";

const PAGE = 100;

export function useAllAnnotations(document: ArticleDocument | null | undefined) {
  const client = useClient();
  const [state, setState] = useState<ArticleAnnotations | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Restart only for another document or other first pages, not for a new result object.
  const latest = useRef(document);
  latest.current = document;
  const key = document
    ? [
        document.id,
        document.claims.pageInfo.endCursor,
        document.mentions.pageInfo.endCursor,
        document.eventMentions.pageInfo.endCursor,
        document.claims.nodes.length,
        document.mentions.nodes.length,
        document.eventMentions.nodes.length,
      ].join(" ")
    : null;

  useEffect(() => {
    const document = latest.current;
    if (!key || !document) return;
    let cancelled = false;
    const lists = {
      claims: [...document.claims.nodes],
      mentions: [...document.mentions.nodes],
      eventMentions: [...document.eventMentions.nodes],
    };
    let cursors = {
      claims: document.claims.pageInfo.hasNextPage ? document.claims.pageInfo.endCursor : null,
      mentions: document.mentions.pageInfo.hasNextPage
        ? document.mentions.pageInfo.endCursor
        : null,
      eventMentions: document.eventMentions.pageInfo.hasNextPage
        ? document.eventMentions.pageInfo.endCursor
        : null,
    };
    const done = () => !cursors.claims && !cursors.mentions && !cursors.eventMentions;
    setState({ ...lists, complete: done() });
    setError(null);

    const more = async () => {
      while (!done() && !cancelled) {
        const result = await client
          .query(ArticleMore, {
            id: document.id,
            claims: cursors.claims ? PAGE : 0,
            claimsAfter: cursors.claims ?? null,
            mentions: cursors.mentions ? PAGE : 0,
            mentionsAfter: cursors.mentions ?? null,
            eventMentions: cursors.eventMentions ? PAGE : 0,
            eventMentionsAfter: cursors.eventMentions ?? null,
          })
          .toPromise();
        const node = result.data?.node;
        if (cancelled) return;
        if (!node || !("claims" in node)) {
          setError(result.error?.message ?? "the rest of the annotations could not be read");
          return;
        }
        if (cursors.claims) lists.claims.push(...node.claims.nodes);
        if (cursors.mentions) lists.mentions.push(...node.mentions.nodes);
        if (cursors.eventMentions) lists.eventMentions.push(...node.eventMentions.nodes);
        const next = (info: { hasNextPage: boolean; endCursor?: string | null }, was: unknown) =>
          was && info.hasNextPage ? (info.endCursor ?? null) : null;
        cursors = {
          claims: next(node.claims.pageInfo, cursors.claims),
          mentions: next(node.mentions.pageInfo, cursors.mentions),
          eventMentions: next(node.eventMentions.pageInfo, cursors.eventMentions),
        };
        setState({ ...lists, complete: done() });
      }
    };
    void more();
    return () => {
      cancelled = true;
    };
  }, [client, key]);

  return { annotations: state, error };
}
