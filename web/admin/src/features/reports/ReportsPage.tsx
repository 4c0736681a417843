import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { asApiError } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { addDays, todayIn } from '../../../../shared/format';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { SelectField } from '../../ui/Inputs';
import { ErrorNotice } from '../../ui/Notice';
import { useVenues, VenueFilter, zoneOf } from '../../ui/VenueFilter';
import { BookingsReport } from './BookingsReport';
import { DownloadLink } from './DownloadLink';
import { CustomersReport } from './CustomersReport';
import { ExportsPanel } from './ExportsPanel';
import { fetchReport, REPORTS, type Report, type ReportKind } from './fetchReport';
import { FunnelReport } from './FunnelReport';
import { csvHref, type GroupBy, type ReportParams } from './params';
import { PromotionsReport } from './PromotionsReport';
import { RevenueReport } from './RevenueReport';
import { StaffReport } from './StaffReport';

const GROUPED: ReportKind[] = ['revenue', 'customers'];

/**
 * One report at a time, for a period and grouping kept in the address (a report can be bookmarked and shared), with
 * its CSV download; the exports below take the same period. Managers and up (the README's role table).
 */
export default function ReportsPage() {
  const { organization } = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const venues = useVenues();
  const venueId = search.get('venue_id') ?? '';
  const zone = zoneOf(venues.data?.data, venueId, organization?.timezone ?? 'UTC');
  const kind = (search.get('report') ?? 'revenue') as ReportKind;
  const to = search.get('to') ?? todayIn(zone);
  const from = search.get('from') ?? addDays(to, -29);
  const groupBy = (search.get('group_by') ?? 'day') as GroupBy;
  const params: ReportParams = { from, to, group_by: groupBy, ...(venueId ? { venue_id: venueId } : {}) };

  const set = (key: string, value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const report = useQuery({
    queryKey: ['reports', kind, params],
    queryFn: () => fetchReport(kind, params),
    enabled: kind in REPORTS,
    // The old figures stay (dimmed) while the next period loads: no jump.
    placeholderData: keepPreviousData,
  });
  const error = report.isError ? asApiError(report.error) : null;
  const periodError = error?.field('from') ?? error?.field('to');

  return (
    <section className="reports">
      <h1>Reports</h1>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label="Report and period">
        <SelectField label="Report" value={kind} onChange={(e) => set('report', e.target.value)}>
          {Object.entries(REPORTS).map(([k, name]) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" value={from} onChange={(e) => set('from', e.target.value)} error={error?.field('from')} required />
        <Field label="To" type="date" value={to} onChange={(e) => set('to', e.target.value)} error={error?.field('to')} required />
        {GROUPED.includes(kind) ? (
          <SelectField label="Group by" value={groupBy} onChange={(e) => set('group_by', e.target.value)}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </SelectField>
        ) : null}
        <VenueFilter value={venueId} onChange={(v) => set('venue_id', v)} />
      </form>

      <section aria-labelledby="report-title" className="card report" aria-busy={report.isFetching}>
        <div className="report-head">
          <h2 id="report-title">{REPORTS[kind] ?? 'Report'}</h2>
          {error ? null : (
            <DownloadLink href={csvHref(kind, params)} label={`Download CSV of the ${REPORTS[kind]?.toLowerCase() ?? ''} report`}>
              Download CSV
            </DownloadLink>
          )}
        </div>
        {error ? (
          periodError ? (
            <p className="muted">Choose a valid period: {periodError}.</p>
          ) : (
            <ErrorNotice error={error} onRetry={() => void report.refetch()} />
          )
        ) : report.data && report.data.kind === kind ? (
          <div className={report.isPlaceholderData ? 'stale' : undefined}>
            <ReportView report={report.data} params={params} />
          </div>
        ) : (
          <Loading label={`Loading the ${REPORTS[kind]?.toLowerCase() ?? ''} report`} />
        )}
      </section>

      <ExportsPanel from={from} to={to} />
    </section>
  );
}

function ReportView({ report, params }: { report: Report; params: ReportParams }) {
  switch (report.kind) {
    case 'revenue':
      return <RevenueReport rows={report.data} params={params} />;
    case 'bookings':
      return <BookingsReport report={report.data} />;
    case 'customers':
      return <CustomersReport report={report.data} params={params} />;
    case 'promotions':
      return <PromotionsReport report={report.data} />;
    case 'staff':
      return <StaffReport report={report.data} />;
    case 'funnel':
      return <FunnelReport report={report.data} />;
  }
}
