import { graphql } from "../generated/gql.ts";
import type {
  ArticleActorMentionFieldsFragment,
  ArticleClaimFieldsFragment,
  ArticleEventMentionFieldsFragment,
  ArticleQuery,
} from "../generated/graphql.ts";

// The article's body and every annotation that points into it: the first 100 of each kind in
// one request, the rest (a long article) by ArticleMore, a page of each kind at a time.

export const ArticleClaimFields = graphql(`
  fragment ArticleClaimFields on Claim {
    id
    text
    quote
    kind
    span {
      start
      end
      text
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
      start
      end
      precision
      text
      yearInferred
    }
    event {
      id
      title
      kind
      status
      date {
        start
        end
        precision
        text
        yearInferred
      }
    }
  }
`);

export const ArticleActorMentionFields = graphql(`
  fragment ArticleActorMentionFields on ActorMention {
    id
    span {
      start
      end
      text
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
      start
      end
      text
    }
    event {
      id
      title
      kind
      status
      location
      date {
        start
        end
        precision
        text
        yearInferred
      }
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
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ArticleClaimFields
        }
      }
      mentions(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ArticleActorMentionFields
        }
      }
      eventMentions(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ArticleEventMentionFields
        }
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
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ArticleClaimFields
          }
        }
        mentions(first: $mentions, after: $mentionsAfter) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ArticleActorMentionFields
          }
        }
        eventMentions(first: $eventMentions, after: $eventMentionsAfter) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ArticleEventMentionFields
          }
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
