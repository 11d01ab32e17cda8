/** Declares an output type without a runtime schema: outputs are produced by our own code. */
export function out<T>(): T {
  return undefined as T;
}
