// templates/scaffold/pins.yaml: every version a generated project pins (images, charts, npm and
// Python packages), with its review date, its source and the vendor's end of support. The build
// checks its shape; test/pins.test.ts checks every generated project against it and the dates
// against the calendar.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../core/errors.js';
import { schemaProblems } from '../core/schema-problems.js';
import { parseYaml } from '../core/yaml-doc.js';
import * as z from '../core/zod.js';
import { TEMPLATES_DIR } from '../io/paths.js';

export const PINS_FILE = join(TEMPLATES_DIR, 'scaffold', 'pins.yaml');

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DateText = z.string().check(z.regex(DATE, { message: 'must be a date, YYYY-MM-DD (quoted)' }));
const PinSchema = z.strictObject({
  version: z.string().check(z.minLength(1)),
  reviewed: DateText,
  source: z.url(),
  supportedUntil: z.optional(DateText),
});
const PinsSchema = z.strictObject({
  images: z.record(z.string(), PinSchema),
  charts: z._default(z.record(z.string(), PinSchema), {}),
  npm: z._default(z.record(z.string(), PinSchema), {}),
  python: z._default(z.record(z.string(), PinSchema), {}),
});

export type Pin = z.infer<typeof PinSchema>;
export type Pins = z.infer<typeof PinsSchema>;

export async function readPins(file = PINS_FILE): Promise<{ pins?: Pins; problems: Problem[] }> {
  const shown = 'templates/scaffold/pins.yaml';
  const { data, problems, locate } = parseYaml(await readFile(file, 'utf8'), shown);
  if (data === undefined) return { problems };
  const result = PinsSchema.safeParse(data);
  if (!result.success) {
    return { problems: [...problems, ...schemaProblems(result.error.issues, data, shown, locate, ['images', 'charts', 'npm', 'python', 'version', 'reviewed', 'source', 'supportedUntil'])] };
  }
  return { pins: result.data, problems };
}
