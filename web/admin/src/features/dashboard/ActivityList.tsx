import { Link } from 'react-router';
import { instantIn } from '../../../../shared/format';

export interface ActivityItem {
  at: string;
  actor: string;
  summary: string;
  record: { type: string; id: string | null; label: string | null };
}

/** Recent changes as the API words them ("Priya cancelled BK-7F3K9QX"), with when, in the figures' zone. */
export function ActivityList({ items, timeZone }: { items: ActivityItem[]; timeZone: string }) {
  return (
    <ol className="activity">
      {items.map((item, i) => (
        <li key={`${item.at}-${i}`}>
          <span>
            {item.record.type === 'customers' && item.record.id ? <Link to={`/customers/${item.record.id}`}>{item.summary}</Link> : item.summary}
          </span>
          <time dateTime={item.at}>{instantIn(item.at, timeZone)}</time>
        </li>
      ))}
    </ol>
  );
}
