import { publicApi, unwrap, type Schemas } from '../../../api/client';

/** The widget's one API client: the public API, no credentials. */
export const api = publicApi();

export type Widget = Schemas['PublicWidget'];
export type Game = Schemas['PublicGame'];
export type Slot = Schemas['Availability']['slots'][number];
export type Quote = Schemas['Quote'];
export type CreatedBooking = Schemas['PublicBookingCreated'];
export type Hold = Schemas['Hold'];

export const keys = {
  widget: (embedKey: string) => ['widget', embedKey] as const,
  /** Every availability answer of a venue: invalidated when a slot turns out taken. */
  availability: (embedKey: string) => ['availability', embedKey] as const,
};

export function fetchWidget(embedKey: string): Promise<Widget> {
  return unwrap(api.GET('/api/public/venues/{embed_key}', { params: { path: { embed_key: embedKey } } }));
}

type FunnelStep = 'widget_view' | 'slot_selected' | 'checkout_started' | 'booking_completed';

/** One id per visit, so the funnel counts a visitor's step once however often they go back and forth. */
function visitId(): string {
  try {
    const known = sessionStorage.getItem('bookingtms-visit');
    if (known) return known;
    const id = crypto.randomUUID();
    sessionStorage.setItem('bookingtms-visit', id);
    return id;
  } catch {
    // Storage refused (a third-party frame in a strict browser): this page's visit only.
    return (fallbackVisit ??= crypto.randomUUID());
  }
}
let fallbackVisit: string | undefined;

/** Records a funnel step for the operator's conversion report; never in the visitor's way (failures are ignored). */
export function track(embedKey: string, type: FunnelStep, gameId?: string): void {
  void api
    .POST('/api/analytics/events', { body: { embed_key: embedKey, type, session_id: visitId(), ...(gameId ? { game_id: gameId } : {}) } })
    .catch(() => undefined);
}

/** Gives a held slot back at once (the visitor chose another time); a hold that is already gone is fine. */
export async function releaseHold(hold: Hold): Promise<void> {
  await api.DELETE('/api/public/holds/{hold_id}', { params: { path: { hold_id: hold.hold_id }, query: { token: hold.token } } }).catch(() => undefined);
}
