/** Query keys: `[request name, input]` (see keys.ts). Kept apart so that the feature event rows can import it without a cycle. */
import type { RequestInput, RequestName } from '../../shared/api';

/** The key of one request's reply: the request's name and its whole input. */
export function keyOf<N extends RequestName>(name: N, input: RequestInput<N>): readonly [N, RequestInput<N>] {
  return [name, input] as const;
}

/** Every cached reply of a request whose input has these fields (all of them without `where`). */
export function keysOf<N extends RequestName>(
  name: N,
  where?: Partial<RequestInput<N>>,
): readonly [N] | readonly [N, Partial<RequestInput<N>>] {
  return where ? ([name, where] as const) : ([name] as const);
}
