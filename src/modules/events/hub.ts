import type { Database } from '../../db/client.js';
import { EVENTS_AFTER, EVENTS_HEAD, type EventRow } from './sql.js';

/** A position in the event stream: the writing transaction and the event's id, compared in that order. */
export interface Cursor {
  xid: bigint;
  id: bigint;
}

export const after = (a: Cursor, b: Cursor) => a.xid > b.xid || (a.xid === b.xid && a.id > b.id);
export const cursorOf = (e: { xid: string; id: string }): Cursor => ({ xid: BigInt(e.xid), id: BigInt(e.id) });
/** The SSE id of an event (Last-Event-ID on reconnect): `<xid>-<id>`. */
export const eventId = (c: Cursor) => `${c.xid}-${c.id}`;
export function parseEventId(v: string | undefined): Cursor | null {
  const m = v ? /^(\d{1,19})-(\d{1,19})$/.exec(v) : null;
  return m ? { xid: BigInt(m[1]!), id: BigInt(m[2]!) } : null;
}

type Listener = (e: EventRow) => void;

const BATCH = 500;

/**
 * One process's reader of the domain_events table, fanning events out to its subscribers by organization.
 * Every API process runs its own, so a change made through any process reaches every process's subscribers.
 * It polls only while someone listens (every `intervalMs`, and at once after a local write: wake()); the
 * database does not NOTIFY, so booking writes never wait on a commit-time lock for it.
 */
export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private cursor: Cursor | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Calls `fn` with each new event of the organization until the returned function is called. */
  subscribe(organizationId: string, fn: Listener): () => void {
    let set = this.listeners.get(organizationId);
    if (!set) this.listeners.set(organizationId, (set = new Set()));
    set.add(fn);
    if (!this.timer) this.timer = setInterval(() => this.wake(), this.intervalMs);
    this.wake();
    return () => {
      set.delete(fn);
      if (set.size === 0) this.listeners.delete(organizationId);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
        this.cursor = null; // nobody listens: the next subscriber starts from the head again
      }
    };
  }

  /** Reads what is new now (a poll already running reads again when it ends). */
  wake(): void {
    if (this.listeners.size === 0) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.poll()
      .catch(this.onError)
      .finally(() => {
        this.polling = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Stops polling (the app closes). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
    await this.polling;
  }

  private async poll(): Promise<void> {
    if (!this.cursor) {
      const { rows } = await this.db.query<{ xid: string; id: string }>(EVENTS_HEAD);
      this.cursor = cursorOf(rows[0]!);
      return;
    }
    for (;;) {
      const { rows } = await this.db.query<EventRow>(EVENTS_AFTER, [this.cursor.xid.toString(), this.cursor.id.toString(), BATCH]);
      for (const e of rows) {
        this.cursor = cursorOf(e);
        for (const fn of this.listeners.get(e.organization_id) ?? []) fn(e);
      }
      if (rows.length < BATCH) return;
    }
  }
}
