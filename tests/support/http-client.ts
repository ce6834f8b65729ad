// Real HTTP against a server started with startServer (loopback only), for the ops tests:
// every request is bounded in time, and its outcome is recorded instead of thrown, so a load
// can count what happened.

export interface Outcome {
  /** HTTP status; 0 when no response came (refused, reset, timed out). */
  status: number;
  ms: number;
  /** x-request-id of the response. */
  requestId: string | null;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  /** Why no response came. */
  failure?: string;
}

export interface PostOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Give up after this long (the outcome says "timeout"); default 10 s. */
  timeoutMs?: number;
}

export async function postGraphQL(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  options: PostOptions = {},
): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    let body: { data?: unknown; errors?: Outcome["errors"] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
    return {
      status: response.status,
      ms: performance.now() - started,
      requestId: response.headers.get("x-request-id"),
      ...(body.data === undefined ? {} : { data: body.data }),
      ...(body.errors === undefined ? {} : { errors: body.errors }),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const failure =
      error instanceof Error && error.name === "TimeoutError"
        ? "timeout"
        : (cause?.code ?? cause?.message ?? String(error));
    return { status: 0, ms: performance.now() - started, requestId: null, failure };
  }
}

/** GET a probe: status and parsed JSON body (or text). */
export async function getPath(
  baseUrl: string,
  path: string,
  timeoutMs = 10_000,
): Promise<{ status: number; body: any; headers: Headers; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get("content-type")?.includes("json")) body = JSON.parse(text);
  return {
    status: response.status,
    body,
    headers: response.headers,
    ms: performance.now() - started,
  };
}

/**
 * Runs `workers` loops of `step` until `shouldStop()` says so; each loop awaits its step, so at
 * most `workers` requests are in flight. Resolves when every loop has ended.
 */
export async function runWorkers(
  workers: number,
  shouldStop: () => boolean,
  step: (worker: number, iteration: number) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let iteration = 0; !shouldStop(); iteration += 1) await step(worker, iteration);
    }),
  );
}

/** Percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
