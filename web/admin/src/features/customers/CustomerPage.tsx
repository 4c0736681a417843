import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { count } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { allows, useSignedIn } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { CustomerHistory } from './CustomerHistory';
import { CustomerNotes } from './CustomerNotes';
import { EditCustomer } from './EditCustomer';
import { Referral } from './Referral';
import { SEGMENT_NAMES } from './segments';

/** One customer: contacts, value and segment, notes, referral code, booking history; erasing for managers up. */
export default function CustomerPage() {
  const { id = '' } = useParams();
  const { user, organization } = useSignedIn();
  const { money } = useOrgFormat();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const customer = useQuery({ queryKey: ['customers', id], queryFn: () => unwrap(api.GET('/api/customers/{id}', { params: { path: { id } } })) });

  if (customer.isError) {
    return (
      <section>
        <h1>Customer</h1>
        <ErrorNotice error={customer.error} />
        <Link to="/customers">All customers</Link>
      </section>
    );
  }
  if (!customer.data) return <Loading label="Loading the customer" />;
  const c = customer.data;
  const zone = organization?.timezone ?? 'UTC';
  const dateOf = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: zone }).format(new Date(iso)) : '–');
  const erase = async () => {
    await unwrap(api.DELETE('/api/customers/{id}', { params: { path: { id } } }));
    client.removeQueries({ queryKey: ['customers', id] });
    await client.invalidateQueries({ queryKey: ['customers'] });
    void navigate('/customers');
  };

  return (
    <section className="customer">
      <p className="breadcrumb">
        <Link to="/customers">Customers</Link>
      </p>
      <div className="page-head">
        <h1>{c.full_name}</h1>
        <span className={`badge segment-${c.segment}`}>{SEGMENT_NAMES[c.segment]}</span>
      </div>
      <div className="customer-grid">
        <section className="card" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact</h2>
          {editing ? (
            <EditCustomer
              customer={c}
              onDone={(message) => {
                setEditing(false);
                setSaved(message || null);
              }}
            />
          ) : (
            <>
              <dl className="facts">
                <dt>Email</dt>
                <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '–'}</dd>
                <dt>Phone</dt>
                <dd>{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '–'}</dd>
                <dt>Marketing</dt>
                <dd>{c.marketing_opt_in ? 'Agreed to marketing' : 'No marketing'}</dd>
                <dt>Tags</dt>
                <dd>{c.tags.length ? c.tags.join(', ') : '–'}</dd>
                <dt>Customer since</dt>
                <dd>{dateOf(c.created_at)}</dd>
              </dl>
              <div className="actions">
                <Done message={saved} />
                <button type="button" className="secondary" onClick={() => setEditing(true)}>
                  Edit details
                </button>
              </div>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="value-title">
          <h2 id="value-title">Value</h2>
          <dl className="facts">
            <dt>Lifetime value</dt>
            <dd>{money(c.lifetime_value_cents)}</dd>
            <dt>Bookings</dt>
            <dd>{count(c.total_bookings)}</dd>
            <dt>First booking</dt>
            <dd>{dateOf(c.first_booking_at)}</dd>
            <dt>Last booking</dt>
            <dd>{dateOf(c.last_booking_at)}</dd>
            <dt>RFM score</dt>
            <dd>
              {c.rfm.score} of 15 <span className="muted">(recency {c.rfm.recency}, frequency {c.rfm.frequency}, spend {c.rfm.monetary}, each of 5)</span>
            </dd>
          </dl>
        </section>
        <Referral customerId={id} />
      </div>
      <CustomerNotes customer={c} />
      <CustomerHistory customerId={id} />
      {allows(user.role, 'manager') ? (
        <section className="card danger-zone" aria-labelledby="erase-title">
          <h2 id="erase-title">Erase personal data</h2>
          <p>On request (GDPR), remove this customer’s name, contacts and notes. Their bookings stay, without the person.</p>
          <ConfirmButton
            label="Erase customer"
            question={
              <p>
                {c.full_name}’s name, email, phone and notes will be removed for good. Bookings and payments stay for the accounts. This cannot be undone.
              </p>
            }
            onConfirm={erase}
          />
        </section>
      ) : null}
    </section>
  );
}
