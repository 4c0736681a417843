import { Liquid, type Template } from 'liquidjs';
import { AppError } from '../../http/errors.js';
import type { TemplateParts } from './defaults.js';
import { isKnownPath, sampleData, type TemplateData, type TemplateEvent } from './placeholders.js';

// A tenant writes these templates, so the engine can read only the data it is given: strict variables and filters
// (a typo is an error, not an empty string), own properties only (no prototype walking), no file system (an empty
// in-memory template map: include, render and layout find nothing), and bounded parse and render work.
const options = {
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  templates: {},
  parseLimit: 200_000,
  renderLimit: 1_000,
  memoryLimit: 20_000_000,
} as const;
const plain = new Liquid(options);
// HTML bodies print every value escaped: a customer named "<script>" stays text.
const html = new Liquid({ ...options, outputEscape: 'escape' });

type Part = keyof TemplateParts;
const engineFor = (part: Part) => (part === 'body_html' ? html : plain);

/** A Liquid error as "line N: what" (the engine appends ", line:N, col:M" to its messages). */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(.*?), line:(\d+), col:(\d+)/s.exec(message);
  const token = (err as { token?: { getPosition?: () => [number, number] } }).token;
  const line = m?.[2] ?? token?.getPosition?.()[0];
  const what = (m?.[1] ?? message).replace(/ENOENT: Failed to lookup.*/s, 'include, render and layout are not available');
  return line ? `line ${line}: ${what}` : what;
}

/** Parses one part and checks its variables against the event's placeholders; a problem names its line. */
function check(event: TemplateEvent, part: Part, source: string): string | undefined {
  let parsed: Template[];
  try {
    parsed = engineFor(part).parse(source);
    const { globals } = engineFor(part).analyzeSync(parsed);
    for (const variables of Object.values(globals)) {
      for (const v of variables) {
        const path = v.segments.filter((s): s is string | number => typeof s !== 'object');
        if (!isKnownPath(event, path)) return `line ${v.location.row}: unknown placeholder ${v.toString()}`;
      }
    }
    // What static analysis cannot see (a filter given bad arguments) shows when rendering the sample.
    engineFor(part).renderSync(parsed, sampleData(event));
  } catch (err) {
    return describe(err);
  }
  return undefined;
}

/** Validates a template before it is saved: 400 validation_failed naming each bad part and its line. */
export function validateTemplate(event: TemplateEvent, parts: TemplateParts): void {
  const fields: Record<string, string> = {};
  for (const part of ['subject', 'body_text', 'body_html'] as const) {
    const source = parts[part];
    if (source === null) continue;
    const problem = check(event, part, source);
    if (problem) fields[`body.${part}`] = problem;
  }
  const first = Object.entries(fields)[0];
  if (first) throw new AppError('validation_failed', `Template ${first[0].slice(5)}: ${first[1]}`, fields);
}

/** Renders a template with the given data. Throws (with the line) when the data lacks a placeholder. */
export function renderTemplate(parts: TemplateParts, data: TemplateData): TemplateParts {
  const render = (part: Part) => {
    const source = parts[part];
    if (source === null) return null;
    try {
      return engineFor(part).parseAndRenderSync(source, data) as string;
    } catch (err) {
      throw new Error(`template ${part}: ${describe(err)}`);
    }
  };
  // A subject is one line: a line break from a value must not start a new header.
  const subject = render('subject');
  return { subject: subject === null ? null : subject.replace(/\s+/g, ' ').trim(), body_text: render('body_text') ?? '', body_html: render('body_html') };
}
