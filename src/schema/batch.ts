// A minimal per-request batch loader (the DataLoader idea, without the dependency): every
// `load(key)` made while one wave of resolvers runs is answered by a single call of the batch
// function, and each key is loaded at most once per request.
//
// Dispatch waits for the promise jobs already queued to run, then for process.nextTick, like
// DataLoader: graphql-js completes the rows of a list in one pass of promise jobs, so the
// fields of all those rows land in one batch. Loaders live in a WeakMap keyed on the request's
// context object, so they (and their cache) go with the request.

type Load<K, V> = (keys: readonly K[]) => Promise<Map<K, V>>;

interface Loader<K, V> {
  /** The value for `key`, or undefined when the batch function returned none for it. */
  load(key: K): Promise<V | undefined>;
}

/** A loader factory: call it with the request's context to get that request's loader. */
export function perRequestLoader<K, V>(batch: Load<K, V>): (context: object) => Loader<K, V> {
  const loaders = new WeakMap<object, Loader<K, V>>();
  return (context) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = createLoader(batch);
      loaders.set(context, loader);
    }
    return loader;
  };
}

function createLoader<K, V>(batch: Load<K, V>): Loader<K, V> {
  const cache = new Map<K, Promise<V | undefined>>();
  let queue: { key: K; resolve: (value: V | undefined) => void; reject: (e: unknown) => void }[] =
    [];
  const dispatch = () => {
    const wave = queue;
    queue = [];
    batch(wave.map((item) => item.key)).then(
      (values) => {
        for (const item of wave) item.resolve(values.get(item.key));
      },
      (error: unknown) => {
        for (const item of wave) item.reject(error);
      },
    );
  };
  return {
    load(key) {
      let promise = cache.get(key);
      if (!promise) {
        promise = new Promise((resolve, reject) => {
          if (queue.length === 0) Promise.resolve().then(() => process.nextTick(dispatch));
          queue.push({ key, resolve, reject });
        });
        cache.set(key, promise);
      }
      return promise;
    },
  };
}
