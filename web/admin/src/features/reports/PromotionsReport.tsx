import { count } from '../../../../shared/format';
import { useOrgFormat } from '../../ui/orgFormat';
import { Stat } from './BookingsReport';
import type { ReportOf } from './fetchReport';
import { FigureTable } from './FigureTable';

/** Coupons used in the period and gift cards from their ledger (organization-wide: a card belongs to no venue). */
export function PromotionsReport({ report }: { report: ReportOf<'promotions'> }) {
  const { money } = useOrgFormat();
  const g = report.gift_cards;
  return (
    <>
      <FigureTable
        title="Coupons"
        rows={report.coupons}
        rowKey={(r) => r.coupon_id}
        empty="No coupon was used in this period."
        columns={[
          { label: 'Code', value: (r) => r.code },
          { label: 'Redemptions', value: (r) => count(r.redemptions) },
          { label: 'Given back', value: (r) => count(r.released) },
          { label: 'Discount', value: (r) => money(r.discount_cents) },
        ]}
      />
      <h3>Gift cards</h3>
      <ul className="stats compact" aria-label="Gift cards">
        <Stat label="Issued" value={`${count(g.issued)} (${money(g.issued_cents)})`} />
        <Stat label="Redeemed" value={money(g.redeemed_cents)} />
        <Stat label="Refunded to cards" value={money(g.refunded_cents)} />
        <Stat label="Adjusted" value={money(g.adjusted_cents)} />
        <Stat label="Outstanding at the end" value={money(g.outstanding_cents)} />
      </ul>
    </>
  );
}
