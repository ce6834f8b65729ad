// The HTTP/GraphQL server as a fetch handler: main.ts listens with it, tests call yoga.fetch.
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga } from "graphql-yoga";
import { schema } from "./schema/index.ts";

const EXAMPLE_QUERY = `# Who claimed what, when, about which event, where in the text
{
  documents(first: 5) {
    totalCount
    edges {
      node {
        title
        claims(first: 10) {
          edges {
            node {
              text
              quote
              claimant { name kind }
              statedAt { start precision text }
              span { start end text }
              event { title }
            }
          }
        }
      }
    }
  }
  actor(name: "Kyiv") { name aliases }
}
`;

export function createServer() {
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    // GraphiQL from a bundled copy: the page works offline and loads nothing from a CDN.
    graphiql: { title: "newsgraph", defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
  });
}

export const yoga = createServer();
