import type { LightMyRequestResponse } from 'fastify';
import { ERROR_CODES } from '../../src/http/errors.js';
import { expect } from 'vitest';

/** What must never be in a response body: stack frames, source paths, SQL and PostgreSQL internals. */
const LEAKS: [string, RegExp][] = [
  // A stack frame ("    at fn (file:1:2)" or "at file:1:2"), not the English word "at" ("at most 200 characters").
  ['stack frame', /(^|\\n|\n)\s*at\s+\S.*:\d+:\d+|\bat\s+[\w$.<>[\]]+\s+\([^)]*:\d+:\d+\)/],
  ['source path', /\.ts:\d|\.js:\d|node_modules/],
  ['SQL', /\bSELECT\b|\bINSERT INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE FROM\b/],
  ['database message', /syntax error|\brelation "|\brelation \w+|violates|\bpg_[a-z]|SQLSTATE|duplicate key/i],
];

/**
 * Problems with one answer: a 5xx, an error body not in the API.md shape `{error, code, message, fields?}`
 * (with a known code whose status matches), or a leak. An empty list means the answer is acceptable.
 */
export function answerProblems(res: Pick<LightMyRequestResponse, 'statusCode' | 'body' | 'headers'>): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  for (const [what, re] of LEAKS) if (re.test(res.body)) problems.push(`body leaks a ${what} (${re})`);
  if (res.statusCode >= 400) problems.push(...errorShapeProblems(res.statusCode, res.body));
  return problems;
}

/** Problems with an error body against API.md's shape and the ERROR_CODES table. */
export function errorShapeProblems(status: number, text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return ['error body is not JSON'];
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ['error body is not an object'];
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of ['error', 'code', 'message']) if (typeof b[k] !== 'string') problems.push(`error body lacks string "${k}"`);
  const extra = Object.keys(b).filter((k) => !['error', 'code', 'message', 'fields', 'request_id'].includes(k));
  if (extra.length) problems.push(`error body has unexpected keys ${extra.join(', ')}`);
  if (b.fields !== undefined) {
    const f = b.fields;
    if (!f || typeof f !== 'object' || Array.isArray(f) || Object.values(f).some((v) => typeof v !== 'string')) problems.push('fields is not a map of strings');
  }
  const code = b.code as string;
  if (typeof code === 'string') {
    const known = (ERROR_CODES as Record<string, { status: number; title: string }>)[code];
    if (!known) problems.push(`unknown error code "${code}"`);
    else {
      if (known.status !== status) problems.push(`code ${code} belongs to status ${known.status}, answered ${status}`);
      if (b.error !== known.title) problems.push(`error title "${String(b.error)}" is not "${known.title}"`);
    }
  }
  return problems;
}

/** A short, printable form of a payload or body for failure reports. */
export function preview(v: unknown, max = 300): string {
  const s = typeof v === 'string' ? v : v === undefined ? '(none)' : JSON.stringify(v);
  // eslint-disable-next-line no-control-regex
  const printable = s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return printable.length > max ? `${printable.slice(0, max)}… (${s.length} chars)` : printable;
}

/** Expects a 400 validation_failed answer whose `fields` name `field`; `what` labels a failure. */
export function expectValidation(res: { status: number; body: { code: string; fields?: Record<string, string> } }, field: string, what = '') {
  expect(res.status, `${what} ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.code).toBe('validation_failed');
  expect(Object.keys(res.body.fields ?? {}), `${what} ${JSON.stringify(res.body)}`).toContain(field);
}
