import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { CopyButton } from './CopyButton';

/**
 * The venue's secret iCalendar feed. The server keeps only a hash of its token, so a URL is shown once, right after
 * it is made; making one always ends the previous one (calendar apps subscribed to it stop updating): hence asked first.
 */
export function CalendarFeed({ venueId }: { venueId: string }) {
  const feed = useMutation({
    mutationFn: () => unwrap(api.POST('/api/venues/{id}/calendar-feed', { params: { path: { id: venueId } } })),
  });
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p>Subscribe to the venue’s bookings in Google, Apple or Outlook calendar (no customer contact data). The address is shown once: copy it now.</p>
      {feed.data ? (
        <>
          <pre className="code" aria-label="Calendar feed URL">
            <code>{feed.data.url}</code>
          </pre>
          <div className="actions start">
            <CopyButton text={feed.data.url} label="Copy calendar feed URL" />
          </div>
        </>
      ) : null}
      <div className="actions start">
        <ConfirmButton
          label="New calendar feed URL"
          danger={false}
          question="If this venue already has a calendar feed, its old address stops working and subscribed calendars must use the new one. Continue?"
          onConfirm={() => feed.mutateAsync()}
        />
      </div>
    </section>
  );
}
