// The user-defined source as a zod schema, for the options form: zod names the field and the rule a typed entry
// breaks. The rules themselves live in sources.ts, whose zod-free reader (used by the content script) is
// proven to accept exactly what this schema accepts (tests/unit/custom-sources.test.ts).
import * as z from 'zod/mini';
import { CSS_FORBIDDEN, LIMITS, isPlainHttpsOrigin, PATH_PATTERN, SLUG_PATTERN } from './sources';

const text = (limits: { min: number; max: number }) => z.string().check(z.trim(), z.minLength(limits.min), z.maxLength(limits.max));

const PlaceSpec = z.discriminatedUnion('by', [
  /** The words of the caption beside the value, as shown on the page (e.g. "API token"). */
  z.strictObject({ by: z.literal('label'), text: text(LIMITS.caption) }),
  /** A CSS selector for the element that holds the value. */
  z.strictObject({
    by: z.literal('css'),
    selector: text(LIMITS.selector).check(z.refine((s) => !CSS_FORBIDDEN.test(s), 'A selector may not contain { } < or >.')),
  }),
]);

const ORIGIN = z.string().check(
  z.trim(),
  z.maxLength(LIMITS.origin.max),
  z.refine(isPlainHttpsOrigin, 'Enter the address as https://host.example.com (https, no port, no path).'),
);

export const CustomSourceSchema = z.strictObject({
  /** Lower-case slug; the adapter id is "custom-<slug>". */
  slug: z.string().check(z.regex(SLUG_PATTERN)),
  label: text(LIMITS.name),
  origin: ORIGIN,
  /** The path of the page that shows the token; "*" for any part of one segment. */
  path: text(LIMITS.path).check(z.refine((p) => PATH_PATTERN.test(p), 'Enter the page path as /path/to/page (no query, no #).')),
  /** The words of the button that generates the token, where the product has one. */
  generate: z.optional(text(LIMITS.caption)),
  token: PlaceSpec,
  scimUrl: PlaceSpec,
  /** How the app is named in the IdP (defaults to the label): only that app is filled without asking. */
  appName: z.optional(text(LIMITS.name)),
});
