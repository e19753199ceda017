/**
 * Expected outcomes cross every boundary as values: `{ ok: true, value }` or `{ ok: false, error }`
 * where the error is a discriminated union on `kind`. Programming errors throw instead.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** Closes an exhaustive switch: adding a new `kind` without handling it fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
