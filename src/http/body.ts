import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from './errors.js';

/** Whether a JSON text nests arrays and objects deeper than `max` (a linear scan; strings are skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Bodies are JSON only. Fastify's default text/plain parser goes: no route reads text, and a text/plain POST is
 * what a cross-site form can send without a CORS preflight (now 415 unsupported_media_type). JSON nested deeper
 * than JSON_MAX_DEPTH is refused before parsing (400 validation_failed): deeper values overflow the stack of
 * whatever walks them later (a refine's JSON.stringify, the response serializer), an error that says nothing useful.
 */
export function installBodyParsers(app: FastifyInstance, config: Config): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text, config.JSON_MAX_DEPTH)) {
      done(new AppError('validation_failed', 'The body is nested too deeply', { body: `nested deeper than ${config.JSON_MAX_DEPTH} levels` }), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
