import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

/** One change from `GET /api/events` (the webhook event types: `booking.created`, `payment.refunded` ...). */
export interface LiveEvent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

const EVENT_TYPES = [
  'booking.created',
  'booking.updated',
  'booking.cancelled',
  'booking.checked_in',
  'payment.succeeded',
  'payment.refunded',
  'customer.created',
] as const;

/**
 * Subscribes to the organization's changes (Server-Sent Events, `GET /api/events`) while the component is mounted,
 * calling `onEvent` for each event whose type starts with one of `prefixes` (`['booking.', 'payment.']`).
 *
 * EventSource cannot set headers, and needs none here: the request is same-origin, so it carries the HttpOnly
 * `session` cookie the server authenticates admin routes with. The browser reconnects by itself after a drop and
 * sends `Last-Event-ID`, so the server replays what was missed.
 */
export function useLiveEvents(prefixes: readonly string[], onEvent: (event: LiveEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  // The latest callback, without reconnecting when the caller's closure changes.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = prefixes.join(',');

  useEffect(() => {
    const source = new EventSource('/api/events', { withCredentials: true });
    const wanted = key.split(',');
    const listener = (message: MessageEvent<string>) => {
      if (!wanted.some((p) => message.type.startsWith(p))) return;
      try {
        handler.current(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed event is skipped; the next one (or the next refetch) brings the page up to date.
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, listener);
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    return () => source.close();
  }, [key]);

  return state;
}

/**
 * Keeps TanStack Query answers fresh from the event stream: each matching event invalidates the given query-key
 * prefixes (`[['bookings'], ['payments']]`), so whatever page shows them refetches.
 */
export function useLiveInvalidate(prefixes: readonly string[], queryKeys: readonly (readonly unknown[])[]): LiveState {
  const client = useQueryClient();
  return useLiveEvents(prefixes, () => {
    for (const queryKey of queryKeys) void client.invalidateQueries({ queryKey });
  });
}
