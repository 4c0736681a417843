import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's named schemas (`Schemas['PublicBooking']`), generated from the server's OpenAPI document. */
export type Schemas = components['schemas'];
export type { paths };
export type Api = Client<paths>;

/**
 * A client for the admin app: same origin, authenticated by the HttpOnly `session` cookie that login sets
 * (`credentials: 'include'`), so no token is ever kept where a script could read it.
 */
export function adminApi(baseUrl = ''): Api {
  return createClient<paths>({ baseUrl, credentials: 'include' });
}

/** A client for the booking widget: no credentials (the public API takes none), addressed by embed key. */
export function publicApi(baseUrl = ''): Api {
  return createClient<paths>({ baseUrl, credentials: 'omit' });
}

/** Every error the API answers has this shape (docs/api.md); `fields` maps a field path to its message. */
export interface ApiErrorBody {
  error: string;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** An answer that was not 2xx (or no answer at all: status 0, code `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * The message for one form field, matched on the end of the API's field path: `customer.email` finds
   * `body.customer.email`. Undefined when the error is not about that field.
   */
  field(name: string): string | undefined {
    for (const [path, message] of Object.entries(this.fields)) {
      if (path === name || path.endsWith(`.${name}`)) return message;
    }
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string';
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError (TanStack Query hands it to the page):
 * `const venue = await unwrap(api.GET('/api/public/venues/{embed_key}', { params: { path: { embed_key } } }))`.
 */
export async function unwrap<D>(request: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let answer: { data?: D; error?: unknown; response: Response };
  try {
    answer = await request;
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  const { data, error, response } = answer;
  if (response.ok) return data as D;
  if (isErrorBody(error)) throw new ApiError(response.status, error.code, error.message, error.fields);
  throw new ApiError(response.status, 'unexpected', `The server answered ${response.status}.`);
}

/** The ApiError in `error`, or a generic one: for showing whatever a query or mutation failed with. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'unexpected', error instanceof Error ? error.message : 'Something went wrong.');
}
