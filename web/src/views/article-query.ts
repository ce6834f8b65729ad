import { graphql } from "../generated/gql.ts";
import type { ArticleQuery } from "../generated/graphql.ts";

// One request for the whole article: its body and every annotation that points into it.
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
        nodes {
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
      }
      mentions(first: 100) {
        totalCount
        nodes {
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
      }
      eventMentions(first: 100) {
        totalCount
        nodes {
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
      }
    }
  }
`);

export type ArticleDocument = NonNullable<ArticleQuery["document"]>;
export type ArticleClaim = ArticleDocument["claims"]["nodes"][number];
export type ArticleActorMention = ArticleDocument["mentions"]["nodes"][number];
export type ArticleEventMention = ArticleDocument["eventMentions"]["nodes"][number];
