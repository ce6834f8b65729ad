import { graphql } from "../generated/gql.ts";
import type {
  ArticleActorMentionFieldsFragment,
  ArticleClaimFieldsFragment,
  ArticleEventMentionFieldsFragment,
  ArticleQuery,
} from "../generated/graphql.ts";

// The article's body and every annotation that points into it: the first 100 of each kind in
// one request, the rest (a long article) by ArticleMore, a page of each kind at a time.

export const ArticleSpanFields = graphql(`
  fragment ArticleSpanFields on Span {
    start
    end
    text
  }
`);

export const ArticleClaimFields = graphql(`
  fragment ArticleClaimFields on Claim {
    id
    text
    quote
    kind
    span {
      ...ArticleSpanFields
    }
    claimant {
      id
      name
      kind
    }
    subjects {
      id
      name
    }
    statedAt {
      ...FuzzyDateFields
    }
    event {
      ...EventSummaryFields
    }
  }
`);

export const ArticleActorMentionFields = graphql(`
  fragment ArticleActorMentionFields on ActorMention {
    id
    span {
      ...ArticleSpanFields
    }
    actor {
      id
      name
      kind
      description
    }
  }
`);

export const ArticleEventMentionFields = graphql(`
  fragment ArticleEventMentionFields on EventMention {
    id
    span {
      ...ArticleSpanFields
    }
    event {
      ...EventSummaryFields
    }
  }
`);

// A page of each kind of annotation: the first (Article) and every later one (ArticleMore).
export const ArticleClaimPage = graphql(`
  fragment ArticleClaimPage on DocumentClaimsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ArticleClaimFields
    }
  }
`);

export const ArticleActorMentionPage = graphql(`
  fragment ArticleActorMentionPage on DocumentMentionsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ArticleActorMentionFields
    }
  }
`);

export const ArticleEventMentionPage = graphql(`
  fragment ArticleEventMentionPage on DocumentEventMentionsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ArticleEventMentionFields
    }
  }
`);

export const Article = graphql(`
  query Article($slug: String!) {
    document(slug: $slug) {
      id
      slug
      title
      body
      publishedAt
      source
      url
      claims(first: 100) {
        totalCount
        ...ArticleClaimPage
      }
      mentions(first: 100) {
        totalCount
        ...ArticleActorMentionPage
      }
      eventMentions(first: 100) {
        totalCount
        ...ArticleEventMentionPage
      }
    }
  }
`);

export const ArticleMore = graphql(`
  query ArticleMore(
    $id: ID!
    $claims: Int!
    $claimsAfter: String
    $mentions: Int!
    $mentionsAfter: String
    $eventMentions: Int!
    $eventMentionsAfter: String
  ) {
    node(id: $id) {
      ... on Document {
        id
        claims(first: $claims, after: $claimsAfter) {
          ...ArticleClaimPage
        }
        mentions(first: $mentions, after: $mentionsAfter) {
          ...ArticleActorMentionPage
        }
        eventMentions(first: $eventMentions, after: $eventMentionsAfter) {
          ...ArticleEventMentionPage
        }
      }
    }
  }
`);

export type ArticleDocument = NonNullable<ArticleQuery["document"]>;
export type ArticleClaim = ArticleClaimFieldsFragment;
export type ArticleActorMention = ArticleActorMentionFieldsFragment;
export type ArticleEventMention = ArticleEventMentionFieldsFragment;

/** The annotations of an article, all of them once `complete`. */
export interface ArticleAnnotations {
  claims: ArticleClaim[];
  mentions: ArticleActorMention[];
  eventMentions: ArticleEventMention[];
  complete: boolean;
}
