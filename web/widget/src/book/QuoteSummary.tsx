import { money } from '../../../shared/format';
import type { Quote } from './api';

/** The live price: what booking with these codes would store (the server's own quote, never computed here). */
export function QuoteSummary({ quote, pending, failed, payOnline }: { quote: Quote | undefined; pending: boolean; failed: boolean; payOnline: boolean }) {
  return (
    <div className="quote" aria-live="polite" aria-busy={pending}>
      <h3>Price</h3>
      {failed ? (
        <p className="hint">Correct the code above to see the price.</p>
      ) : !quote ? (
        <p className="hint">Working out the price…</p>
      ) : (
        <dl>
          {quote.lines
            .filter((line) => line.kind !== 'gift_card')
            .map((line, i) => (
              <Line key={i} kind={line.kind} label={line.description} amount={money(line.amount_cents, quote.currency)} />
            ))}
          <Line kind="total" label="Total" amount={money(quote.total_cents, quote.currency)} />
          {/* A gift card pays after tax: it lowers what is due, not the total. */}
          {quote.lines
            .filter((line) => line.kind === 'gift_card')
            .map((line, i) => (
              <Line key={i} kind={line.kind} label={line.description} amount={money(line.amount_cents, quote.currency)} />
            ))}
          <Line kind="due" label={payOnline ? 'To pay online' : 'To pay at the venue'} amount={money(quote.amount_due_cents, quote.currency)} />
        </dl>
      )}
    </div>
  );
}

function Line({ kind, label, amount }: { kind: string; label: string; amount: string }) {
  return (
    <div className={`line line-${kind}`}>
      <dt>{label}</dt>
      <dd>{amount}</dd>
    </div>
  );
}
