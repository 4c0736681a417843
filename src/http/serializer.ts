import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type SerializerCompiler = Parameters<FastifyInstance['setSerializerCompiler']>[0];
type ZodRoute = Parameters<typeof zodSerializerCompiler>[0];

/**
 * Responses are written by fast-json-stringify (Fastify's own serializer), compiled from each route's zod response
 * schema converted to JSON Schema, as the OpenAPI document converts it. Like zod's output parsing it writes only the
 * properties the schema declares, so nothing undocumented leaks; unlike it, it does not re-validate every value of
 * every response, which was a tenth of the server's CPU on availability and list pages (docs/performance.md).
 *
 * `checkResponses` (the test suite turns it on) also checks each response against its zod schema first, and fails
 * the request when it does not match, as the zod serializer did: the shapes stay guarded by every test.
 * A schema the converter cannot express keeps zod's serializer.
 *
 * Each writer is compiled when its first response is written, and once per schema: Fastify asks for one per route,
 * status code and media type at start-up (~950 here, most of them the same error schema), and compiling them all
 * cost ~17 MB of RSS in every API process, for answers most processes never give
 * (docs/performance.md, the API process's memory).
 */
export function responseSerializerCompiler(opts: { checkResponses: boolean }): SerializerCompiler {
  const compiled = new WeakMap<object, (data: unknown) => string>();
  const compile = (route: ZodRoute): ((data: unknown) => string) => {
    const schema = route.schema as z.ZodType;
    let write = compiled.get(schema);
    if (!write) {
      try {
        write = fastJson(z.toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'throw' }) as Parameters<typeof fastJson>[0]);
      } catch {
        write = zodSerializerCompiler(route);
      }
      compiled.set(schema, write);
    }
    return write;
  };
  return (route) => {
    let write: ((data: unknown) => string) | undefined;
    const fastWrite = (data: unknown) => (write ??= compile(route as ZodRoute))(data);
    if (!opts.checkResponses) return fastWrite;
    const zodWrite = zodSerializerCompiler(route as ZodRoute);
    return (data: unknown) => {
      const checked = zodWrite(data);
      const fast = fastWrite(data);
      if (fast !== checked) throw new Error(`${route.method} ${route.url}: fast-json-stringify wrote ${fast}, zod wrote ${checked}`);
      return fast;
    };
  };
}
