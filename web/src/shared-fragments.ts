// GraphQL selections that several views ask for, written once. Codegen adds a fragment's text
// to every operation that spreads it (so the persisted-operations list carries it too), and
// with fragment masking off a spread's fields are typed inline in the operation's result.
import { graphql } from "./generated/gql.ts";

/** A date as precisely as it is known: what formatFuzzyDate and the time chart need. */
export const FuzzyDateFields = graphql(`
  fragment FuzzyDateFields on FuzzyDate {
    start
    end
    precision
    text
    yearInferred
  }
`);

/** An event in a line of text or on the time axis: what it is, its state, where and when. */
export const EventSummaryFields = graphql(`
  fragment EventSummaryFields on Event {
    id
    title
    kind
    status
    location
    date {
      ...FuzzyDateFields
    }
  }
`);
