import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { SelectField } from '../../ui/Inputs';
import { Done, ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { CouponForm } from './CouponForm';
import { discountText, usageText } from './describe';

type Coupon = Schemas['Coupon'];

/** Coupons (managers): the codes, their discount, window and use; create, edit, disable. */
export default function CouponsPage() {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Coupon | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const query = { page, limit: 25, ...(q.trim() ? { q: q.trim() } : {}), ...(active ? { active } : {}) };
  const coupons = useQuery({ queryKey: ['coupons', query], queryFn: () => unwrap(api.GET('/api/coupons', { params: { query } })), placeholderData: keepPreviousData });
  const setActiveState = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => unwrap(api.PUT('/api/coupons/{id}', { params: { path: { id } }, body: { active: on } })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['coupons'] });
      setDone(c.active ? `${c.code} works again.` : `${c.code} is disabled: it no longer applies to new bookings.`);
    },
  });
  const filtered = Boolean(q.trim() || active);

  return (
    <section>
      <div className="page-head">
        <h1>Coupons</h1>
        {editing ? null : (
          <button type="button" onClick={() => setEditing('new')}>
            New coupon
          </button>
        )}
      </div>
      <Done message={done} />
      {editing ? (
        <CouponForm
          key={editing === 'new' ? 'new' : editing.id}
          coupon={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setDone(`Coupon ${c.code} saved.`);
          }}
        />
      ) : null}

      <form className="toolbar" role="search" aria-label="Find coupons" onSubmit={(e) => e.preventDefault()}>
        <Field
          label="Search codes"
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
        <SelectField
          label="Show"
          value={active}
          onChange={(e) => {
            setActive(e.target.value as '' | 'true' | 'false');
            setPage(1);
          }}
        >
          <option value="">All coupons</option>
          <option value="true">Active</option>
          <option value="false">Disabled</option>
        </SelectField>
      </form>
      {setActiveState.isError ? <ErrorNotice error={setActiveState.error} /> : null}

      <PagedList
        query={coupons}
        loading="Loading coupons"
        empty={filtered ? 'No coupons match.' : 'No coupons yet. Create a code customers can type in the booking widget.'}
        pagerLabel="Coupon pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list">
                <caption className="visually-hidden">Coupons</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Discount</th>
                    <th scope="col">Valid</th>
                    <th scope="col">Redemptions</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td className="code">{c.code}</td>
                      <td>
                        {discountText(c, fmt.money)}
                        {c.min_party_size > 1 ? <span className="sub">from {c.min_party_size} players</span> : null}
                        {c.game_ids.length || c.venue_ids.length ? <span className="sub">some games or venues only</span> : null}
                      </td>
                      <td>
                        {c.valid_from ? `from ${fmt.at(c.valid_from)}` : 'from now'}
                        <span className="sub">{c.valid_to ? `until ${fmt.at(c.valid_to)}` : 'no end'}</span>
                      </td>
                      <td>{usageText(c)}</td>
                      <td>
                        <span className={`badge ${c.active ? 'active' : 'disabled'}`}>{c.active ? 'Active' : 'Disabled'}</span>
                      </td>
                      <td>
                        <div className="row-actions">
                          <button type="button" className="secondary" aria-label={`Edit ${c.code}`} onClick={() => setEditing(c)}>
                            Edit
                          </button>
                          {c.active ? (
                            <ConfirmButton
                              label={`Disable ${c.code}`}
                              confirmLabel="Disable"
                              question={<p>Disable {c.code}? New bookings can no longer use it; bookings that did keep their discount. You can enable it again.</p>}
                              onConfirm={() => setActiveState.mutateAsync({ id: c.id, on: false })}
                            />
                          ) : (
                            <button type="button" className="secondary" onClick={() => setActiveState.mutate({ id: c.id, on: true })}>
                              Enable {c.code}
                            </button>
                          )}
                        </div>
                      </td>
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
