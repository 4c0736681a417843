import { count } from '../../../../shared/format';
import { useOrgFormat } from '../../ui/orgFormat';
import type { ReportOf } from './fetchReport';
import { FigureTable } from './FigureTable';

/** Per user: bookings created, check-ins made and money taken in the period. */
export function StaffReport({ report }: { report: ReportOf<'staff'> }) {
  const { money } = useOrgFormat();
  return (
    <FigureTable
      title="Per team member"
      rows={report}
      rowKey={(r) => r.user_id}
      empty="Nobody on the team did anything in this period."
      columns={[
        { label: 'Name', value: (r) => r.name },
        { label: 'Role', value: (r) => r.role.replace('_', ' ') },
        { label: 'Bookings created', value: (r) => count(r.bookings_created) },
        { label: 'Check-ins', value: (r) => count(r.check_ins) },
        { label: 'Money taken', value: (r) => money(r.revenue_taken_cents) },
      ]}
    />
  );
}
