// Property-test helpers for the zod-free readers (utils/check.ts): generate valid values and their near misses,
// and assert a reader gives exactly what its zod spec gives.
import fc from 'fast-check';
import { expect } from 'vitest';

type Value = Record<string, unknown>;

/** A valid value with one key replaced or added (from `keys`, set to a `piece`) or removed. */
export function nearMisses(valid: fc.Arbitrary<Value>, keys: readonly string[], piece: fc.Arbitrary<unknown>): fc.Arbitrary<Value> {
  return fc.oneof(
    fc.tuple(valid, fc.constantFrom(...keys), piece).map(([value, key, replacement]) => ({ ...value, [key]: replacement })),
    fc.tuple(valid, fc.nat()).map(([value, n]) => {
      const rest: Value = { ...value };
      const keysNow = Object.keys(value);
      if (keysNow.length) delete rest[keysNow[n % keysNow.length]!];
      return rest;
    }),
  );
}

/** Valid values, their near misses, and anything at all. */
export const candidates = (valid: fc.Arbitrary<Value>, keys: readonly string[], piece: fc.Arbitrary<unknown>) =>
  fc.oneof(valid, nearMisses(valid, keys, piece), fc.anything());

/** What a zod schema's safeParse makes of a value: its output, or undefined when it rejects it. */
export const zodResult =
  (schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }) =>
  (value: unknown): unknown => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };

export function assertSameResults(expected: (value: unknown) => unknown, actual: (value: unknown) => unknown, values: fc.Arbitrary<unknown>, numRuns = 5000): void {
  fc.assert(
    fc.property(values, (value) => {
      expect(actual(value)).toEqual(expected(value));
    }),
    { numRuns },
  );
}
