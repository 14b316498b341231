// Zod-free value checks for the code that runs inside host pages: zod's parser alone costs a content script ~6 KB
// gzip, a third of its budget. Each reader built from these has a zod twin (or a zod spec in its test) and a
// property test proving both accept exactly the same values.

export type Check = (value: unknown) => boolean;
export type Shape = Record<string, Check>;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isBoolean: Check = (value) => typeof value === 'boolean';
export const oneOf = (options: readonly unknown[]): Check => (value) => options.includes(value);
export const optional = (check: Check): Check => (value) => value === undefined || check(value);
export const isString = (check: (text: string) => boolean = () => true): Check => (value) => typeof value === 'string' && check(value);
export const isIntIn = (min: number, max: number): Check => (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
/** Every index, holes included (Array.every would skip a hole that zod reads as undefined). */
export const arrayOf = (check: Check, maxLength = Infinity): Check => (value) =>
  Array.isArray(value) && value.length <= maxLength && Array.from(value).every(check);

/** Strict like zod's strictObject: every key known, every known key valid (optional ones may be absent). */
export function matches(value: unknown, shape: Shape): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  for (const key in value) if (!Object.hasOwn(shape, key)) return false;
  return Object.entries(shape).every(([key, check]) => check(value[key]));
}

/** A union told apart by one string key (zod's discriminatedUnion of strictObjects). */
export function discriminated(value: unknown, key: string, shapes: Record<string, Shape>): boolean {
  if (!isRecord(value)) return false;
  const tag = value[key];
  const shape = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
  return !!shape && matches(value, { ...shape, [key]: () => true });
}
