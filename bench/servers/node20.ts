// PostGraphile 5 declares Node >= 22 and calls Promise.withResolvers (new in Node 22); the
// project runs on Node 20, so the PostGraphile process gets this spec-equivalent shim.
const promise = Promise as unknown as { withResolvers?: () => unknown };
if (promise.withResolvers === undefined) {
  promise.withResolvers = function withResolvers<T>(this: PromiseConstructor) {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const p = new this<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: p, resolve, reject };
  };
}
