import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { localDate } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { zonedParts } from '../../ui/zoned';
import { AdjustGiftCardForm } from './AdjustGiftCardForm';
import { ExpiryForm } from './ExpiryForm';
import { GIFT_CARD_STATUSES, groupedCode } from './labels';
import { Ledger } from './Ledger';

/** One gift card: its code and balance, adjust, expiry, disable or enable, and its ledger. */
export default function GiftCardPage() {
  const { id = '' } = useParams();
  const issued = (useLocation().state as { issued?: boolean } | null)?.issued;
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(issued ? 'Gift card issued. Give the customer its code.' : null);

  const card = useQuery({ queryKey: ['gift-cards', id], queryFn: () => unwrap(api.GET('/api/gift-cards/{id}', { params: { path: { id } } })) });
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'disabled') => unwrap(api.PUT('/api/gift-cards/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['gift-cards'] });
      setDone(c.status === 'disabled' ? 'Gift card disabled: it can no longer pay for bookings.' : 'Gift card enabled again.');
    },
  });

  if (card.isPending) return <Loading label="Loading gift card" />;
  if (card.isError) return <ErrorNotice error={card.error} onRetry={() => void card.refetch()} />;
  const c = card.data;

  return (
    <section>
      <p className="crumbs">
        <Link to="/gift-cards">Gift cards</Link>
      </p>
      <h1>
        Gift card <span className="code">{groupedCode(c.code)}</span>
      </h1>
      <Done message={done} />
      <dl className="facts">
        <div>
          <dt>Balance</dt>
          <dd className="big">{fmt.money(c.balance_cents)}</dd>
        </div>
        <div>
          <dt>Issued for</dt>
          <dd>{fmt.money(c.initial_balance_cents)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge ${c.status}`}>{GIFT_CARD_STATUSES[c.status]}</span>
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{c.expires_at ? localDate(zonedParts(c.expires_at, fmt.zone).date) : 'Never'}</dd>
        </div>
        <div>
          <dt>Recipient</dt>
          <dd>{[c.recipient_name, c.recipient_email].filter(Boolean).join(', ') || '—'}</dd>
        </div>
        {c.note ? (
          <div>
            <dt>Note</dt>
            <dd>{c.note}</dd>
          </div>
        ) : null}
      </dl>

      <div className="actions start spaced">
        {c.status === 'disabled' ? (
          <button type="button" className="secondary" disabled={setStatus.isPending} onClick={() => setStatus.mutate('active')}>
            Enable gift card
          </button>
        ) : (
          <ConfirmButton
            label="Disable gift card"
            question={<p>Disable {groupedCode(c.code)}? It stops paying for bookings at once; its balance of {fmt.money(c.balance_cents)} is kept and you can enable it again.</p>}
            onConfirm={() => setStatus.mutateAsync('disabled')}
          />
        )}
      </div>
      {setStatus.isError ? <ErrorNotice error={setStatus.error} /> : null}

      <div className="grid-2">
        <AdjustGiftCardForm card={c} onAdjusted={setDone} />
        <ExpiryForm card={c} onSaved={setDone} />
      </div>
      <Ledger id={c.id} />
    </section>
  );
}
