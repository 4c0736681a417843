import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { localDate } from '../../../../shared/format';
import { api } from '../../app/api';
import { SelectField } from '../../ui/Inputs';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { zonedParts } from '../../ui/zoned';
import { IssueGiftCardForm } from './IssueGiftCardForm';
import { GIFT_CARD_STATUSES, groupedCode } from './labels';

type Status = keyof typeof GIFT_CARD_STATUSES;

/** Gift cards (managers): search by code or recipient, issue a new one (then its page, with the code). */
export default function GiftCardsPage() {
  const fmt = useOrgFormat();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [page, setPage] = useState(1);
  const [issuing, setIssuing] = useState(false);

  const query = { page, limit: 25, ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}) };
  const cards = useQuery({
    queryKey: ['gift-cards', query],
    queryFn: () => unwrap(api.GET('/api/gift-cards', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(q.trim() || status);

  return (
    <section>
      <div className="page-head">
        <h1>Gift cards</h1>
        {issuing ? null : (
          <button type="button" onClick={() => setIssuing(true)}>
            Issue gift card
          </button>
        )}
      </div>
      {issuing ? <IssueGiftCardForm onCancel={() => setIssuing(false)} onIssued={(card) => void navigate(`/gift-cards/${card.id}`, { state: { issued: true } })} /> : null}

      <form className="toolbar" role="search" aria-label="Find gift cards" onSubmit={(e) => e.preventDefault()}>
        <Field
          label="Search"
          type="search"
          value={q}
          hint="Code, recipient name or email"
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status | '');
            setPage(1);
          }}
        >
          <option value="">Any status</option>
          {Object.entries(GIFT_CARD_STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </form>

      <PagedList
        query={cards}
        loading="Loading gift cards"
        empty={filtered ? 'No gift cards match.' : 'No gift cards yet. Issue one to sell or give away; customers redeem it in the booking widget.'}
        pagerLabel="Gift card pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list">
                <caption className="visually-hidden">Gift cards, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Recipient</th>
                    <th scope="col">Balance</th>
                    <th scope="col">Status</th>
                    <th scope="col">Expires</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/gift-cards/${c.id}`} className="code">
                          {groupedCode(c.code)}
                        </Link>
                      </td>
                      <td>
                        {c.recipient_name ?? '—'}
                        {c.recipient_email ? <span className="sub">{c.recipient_email}</span> : null}
                      </td>
                      <td className="amount">
                        {fmt.money(c.balance_cents)}
                        <span className="sub">of {fmt.money(c.initial_balance_cents)}</span>
                      </td>
                      <td>
                        <span className={`badge ${c.status}`}>{GIFT_CARD_STATUSES[c.status]}</span>
                      </td>
                      <td>{c.expires_at ? localDate(zonedParts(c.expires_at, fmt.zone).date, 'short') : 'Never'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </PagedList>
    </section>
  );
}
