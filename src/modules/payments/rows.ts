import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { Payment } from './schemas.js';
import * as sql from './sql.js';

/** The API shape of a payment row. */
export function toPayment(r: sql.PaymentRow): Payment {
  return { ...r, currency: r.currency.trim(), created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString() };
}

/** The money side of a booking, locked (payments of one booking serialise on it); 404 for unknown or held ones. */
export async function bookingMoney(tx: Queryable, bookingId: string): Promise<sql.BookingMoney> {
  const { rows } = await tx.query<sql.BookingMoney>(sql.BOOKING_MONEY, [bookingId]);
  if (!rows[0]) throw notFound('Booking');
  return { ...rows[0], currency: rows[0].currency.trim() };
}

export async function currentOrganization(tx: Queryable): Promise<string> {
  const { rows } = await tx.query<{ id: string }>('select app_current_org()::text as id');
  return rows[0]!.id;
}

export interface NewPayment {
  id?: string | null;
  bookingId: string;
  kind: 'payment' | 'refund';
  parentId?: string | null;
  method: Payment['method'];
  amountCents: number;
  currency: string;
  status: Payment['status'];
  providerRef?: string | null;
  giftCardId?: string | null;
  note?: string | null;
  reason?: string | null;
  createdBy?: string | null;
}

/** Inserts one payment row and answers it as stored. */
export async function insertPayment(tx: Queryable, p: NewPayment): Promise<Payment> {
  const { rows } = await tx.query<{ id: string }>(sql.INSERT_PAYMENT, [
    p.id ?? null, p.bookingId, p.kind, p.parentId ?? null, p.method, p.amountCents, p.currency, p.status,
    p.providerRef ?? null, p.giftCardId ?? null, p.note ?? null, p.reason ?? null, p.createdBy ?? null,
  ]);
  return getPaymentRow(tx, rows[0]!.id);
}

export async function getPaymentRow(tx: Queryable, id: string): Promise<Payment> {
  const { rows } = await tx.query<sql.PaymentRow>(sql.SELECT_PAYMENT, [id]);
  if (!rows[0]) throw notFound('Payment');
  return toPayment(rows[0]);
}

