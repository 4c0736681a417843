import { STATUSES, statusLabel, type BookingStatus } from './api';

/** The statuses a list shows, as checkboxes (none ticked: every status). */
export function StatusFilter({ value, onChange }: { value: BookingStatus[]; onChange: (next: BookingStatus[]) => void }) {
  return (
    <fieldset className="status-filter">
      <legend>Status</legend>
      {STATUSES.map((s) => (
        <label key={s}>
          <input
            type="checkbox"
            checked={value.includes(s)}
            onChange={(e) => onChange(e.target.checked ? [...value, s] : value.filter((v) => v !== s))}
          />
          {statusLabel(s)}
        </label>
      ))}
    </fieldset>
  );
}
