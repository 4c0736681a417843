import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../../db/client.js';
import { cursorOf, eventsAfter, eventsHead, toStreamEvent, type Cursor } from '../events/service.js';
import * as sql from './sql.js';
import { guardedLookup, isPublicAddress } from './target.js';

/**
 * The webhook worker's pass (docs/integrations.md): fan new domain events out into one delivery per subscribed
 * endpoint (durably, with the stream cursor in the same transaction), then send what is due. Delivery is at least
 * once: a worker that dies after sending and before recording sends it again when the lease ends; receivers
 * deduplicate by `webhook-id`, which stays the same on every attempt and replay.
 */
export interface DispatchOptions {
  now: Date;
  timeoutMs: number;
  allowPrivate: boolean;
  maxAttempts: number;
  /** Consecutive failures (over all deliveries) after which an endpoint is disabled. */
  disableAfter: number;
  batch?: number;
  /** Told when an endpoint was disabled, to tell the organization's admins. */
  onDisabled?: (organizationId: string, endpointId: string, url: string) => void;
}

/** The wait before attempt n + 1 after n failed: 30 s, 1 min, 2 min, ... doubling, at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 6 * 3_600_000);
}

async function fanOut(db: Database, now: Date, batch: number): Promise<number> {
  return db.transaction(async (tx) => {
    const stored = (await tx.query<{ xid: string; id: string }>(`${sql.READ_CURSOR} for update`)).rows[0];
    const from: Cursor = stored ? cursorOf(stored) : await eventsHead(tx);
    const events = await eventsAfter(tx, from, batch);
    if (events.length > 0) {
      const out = events.map(toStreamEvent);
      await tx.query(sql.FAN_OUT, [events.map((e) => e.organization_id), out.map((e) => e.id), out.map((e) => e.type), out.map((e) => JSON.stringify(e.body)), now]);
    }
    const last = events.length ? cursorOf(events[events.length - 1]!) : from;
    if (!stored || events.length) await tx.query(sql.WRITE_CURSOR, [last.xid.toString(), last.id.toString()]);
    return events.length;
  });
}

/** POSTs one signed delivery; answers the response status (0: no answer) and an error text for anything but 2xx. */
function send(url: string, secret: string, id: string, body: string, opts: DispatchOptions): Promise<{ status: number; error: string | null }> {
  const headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': '', 'webhook-signature': '', 'user-agent': 'BookingTMS-Webhooks/1' };
  const at = new Date();
  headers['webhook-timestamp'] = String(Math.floor(at.getTime() / 1000));
  headers['webhook-signature'] = new Webhook(secret).sign(id, at, body);
  const target = new URL(url);
  // A literal address is connected to without a look-up, so guardedLookup never sees it: check it here.
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivate && ipaddr.isValid(literal) && !isPublicAddress(literal)) {
    return Promise.resolve({ status: 0, error: `${literal} resolves to no public address` });
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(target, { method: 'POST', headers, lookup: guardedLookup(opts.allowPrivate), timeout: opts.timeoutMs }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve({ status, error: status >= 200 && status < 300 ? null : `answered ${status}` });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve({ status: 0, error: err.message }));
    req.end(body);
  });
}

/** One pass: fan out what is new, then send up to `batch` due deliveries (8 at a time). */
export async function runWebhookDispatch(db: Database, opts: DispatchOptions): Promise<{ fannedOut: number; sent: number; failed: number }> {
  const batch = opts.batch ?? 100;
  const fannedOut = await fanOut(db, opts.now, batch);
  // Longer than a send can take (its timeout) and the recording after it: a live worker always records first.
  const lease = new Date(opts.now.getTime() + opts.timeoutMs * 2 + 10_000);
  const { rows } = await db.query<{ organization_id: string; id: string; endpoint_id: string; event_id: string; payload: unknown; attempts: number; url: string; secret: string }>(
    sql.CLAIM_DUE,
    [opts.now, lease, batch],
  );
  let sent = 0;
  let failed = 0;
  const work = [...rows];
  const worker = async () => {
    for (let d = work.shift(); d; d = work.shift()) {
      const result = await send(d.url, d.secret, d.event_id, JSON.stringify(d.payload), opts);
      if (result.error === null) {
        sent++;
        await db.query(sql.RECORD_SUCCESS, [d.organization_id, d.id, result.status, new Date()]);
        await db.query(sql.ENDPOINT_SUCCEEDED, [d.organization_id, d.endpoint_id]);
        continue;
      }
      failed++;
      const next = d.attempts >= opts.maxAttempts ? null : new Date(opts.now.getTime() + retryDelayMs(d.attempts));
      await db.query(sql.RECORD_FAILURE, [d.organization_id, d.id, result.status || null, result.error, next]);
      const reason = `Disabled after ${opts.disableAfter} failed deliveries in a row`;
      const { rows: ep } = await db.query<{ disabled: boolean; url: string }>(sql.ENDPOINT_FAILED, [d.organization_id, d.endpoint_id, opts.disableAfter, reason]);
      if (ep[0]?.disabled) opts.onDisabled?.(d.organization_id, d.endpoint_id, ep[0].url);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, rows.length) }, worker));
  return { fannedOut, sent, failed };
}
