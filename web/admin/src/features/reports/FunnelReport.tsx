import { count } from '../../../../shared/format';
import { percent } from '../../ui/figures';
import type { ReportOf } from './fetchReport';
import { FigureTable } from './FigureTable';

const STEPS: Record<string, string> = {
  widget_view: 'Opened the widget',
  slot_selected: 'Chose a slot',
  checkout_started: 'Started checkout',
  booking_completed: 'Booked',
};

/** Widget visits per step and the conversion from each step to the next. */
export function FunnelReport({ report }: { report: ReportOf<'funnel'> }) {
  return (
    <>
      <p>
        Of the visits that opened the widget, <strong>{percent(report.overall_conversion_rate)}</strong> ended in a booking.
      </p>
      <FigureTable
        title="Steps"
        rows={report.steps}
        rowKey={(s) => s.type}
        empty="No widget visits in this period."
        columns={[
          { label: 'Step', value: (s) => STEPS[s.type] ?? s.type },
          { label: 'Visits', value: (s) => count(s.sessions) },
          { label: 'From the step before', value: (s) => percent(s.conversion_rate) },
        ]}
      />
    </>
  );
}
