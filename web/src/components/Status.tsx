// What a view shows while its query runs or when it failed.
import type { CombinedError } from "urql";

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status">
      Loading {what}…
    </p>
  );
}

export function Failure({ error }: { error: CombinedError }) {
  const message = error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message;
  return (
    <p className="status error" role="alert">
      The API answered with an error: {message}
    </p>
  );
}
