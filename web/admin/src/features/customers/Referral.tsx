import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../../api/client';
import { count } from '../../../../shared/format';
import { api } from '../../app/api';
import { ErrorNotice } from '../../ui/Notice';

/** The customer's referral code (the API makes it on first read) and what it has brought. */
export function Referral({ customerId }: { customerId: string }) {
  const referral = useQuery({
    queryKey: ['customers', customerId, 'referral'],
    queryFn: () => unwrap(api.GET('/api/customers/{id}/referral', { params: { path: { id: customerId } } })),
  });
  return (
    <section className="card" aria-labelledby="referral-title">
      <h2 id="referral-title">Referrals</h2>
      {referral.isError ? (
        <ErrorNotice error={referral.error} />
      ) : (
        <dl className="facts">
          <dt>Referral code</dt>
          <dd>{referral.data ? <code>{referral.data.code}</code> : '…'}</dd>
          <dt>Friends referred</dt>
          <dd>{referral.data ? count(referral.data.referred_count) : '…'}</dd>
          <dt>Rewards earned</dt>
          <dd>{referral.data ? count(referral.data.rewarded_count) : '…'}</dd>
        </dl>
      )}
    </section>
  );
}
