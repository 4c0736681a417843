import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { allows, useSignedIn } from '../../app/session';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { ActivityList } from './ActivityList';
import { DeskTable } from './DeskTable';
import { HourlyChart } from './HourlyChart';
import { StatsCards, StatsPlaceholder } from './StatsCards';
import { useVenues, VenueFilter, zoneOf } from '../../ui/VenueFilter';
import { WeekTrendChart } from './WeekTrendChart';

/**
 * The home page: what the desk needs today (today's and the next bookings, for everyone) and, for managers up, how
 * the business is doing (30-day figures, the 8-week trend, the busy hours, who did what). Staff are not offered the
 * figures the API keeps from them.
 */
export default function DashboardPage() {
  const { user, organization } = useSignedIn();
  const [venueId, setVenueId] = useState('');
  const venues = useVenues();
  const manager = allows(user.role, 'manager');
  const query = { venue_id: venueId || undefined };
  const zone = zoneOf(venues.data?.data, venueId, organization?.timezone ?? 'UTC');
  const several = (venues.data?.data.length ?? 0) > 1 && !venueId;

  const stats = useQuery({ queryKey: ['dashboard', 'stats', query], queryFn: () => unwrap(api.GET('/api/dashboard/stats', { params: { query } })), enabled: manager });
  const trend = useQuery({ queryKey: ['dashboard', 'trend', query], queryFn: () => unwrap(api.GET('/api/dashboard/trend', { params: { query } })), enabled: manager });
  const hourly = useQuery({ queryKey: ['dashboard', 'hourly', query], queryFn: () => unwrap(api.GET('/api/dashboard/hourly', { params: { query } })), enabled: manager });
  const activity = useQuery({ queryKey: ['dashboard', 'activity', query], queryFn: () => unwrap(api.GET('/api/dashboard/activity', { params: { query: { ...query, limit: 15 } } })), enabled: manager });
  const today = useQuery({ queryKey: ['dashboard', 'today', query], queryFn: () => unwrap(api.GET('/api/dashboard/today', { params: { query } })) });
  const upcoming = useQuery({ queryKey: ['dashboard', 'upcoming', query], queryFn: () => unwrap(api.GET('/api/dashboard/upcoming', { params: { query: { ...query, limit: 10 } } })) });

  return (
    <section className="dashboard">
      <h1>Dashboard</h1>
      <p className="lead">Hello, {user.full_name}. Times are {zone.replace('_', ' ')} time.</p>
      <div className="toolbar">
        <VenueFilter value={venueId} onChange={setVenueId} />
      </div>

      {manager ? (
        <section aria-labelledby="stats-title" className="dash-block">
          <h2 id="stats-title">Last 30 days</h2>
          {stats.isError ? <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} /> : stats.data ? <StatsCards stats={stats.data} /> : <StatsPlaceholder />}
        </section>
      ) : null}

      <div className="dash-columns">
        <section aria-labelledby="today-title" className="dash-block">
          <h2 id="today-title">Today’s bookings</h2>
          {today.isError ? (
            <ErrorNotice error={today.error} onRetry={() => void today.refetch()} />
          ) : !today.data ? (
            <Loading label="Loading today’s bookings" />
          ) : today.data.length === 0 ? (
            <Empty message="No bookings today." />
          ) : (
            <DeskTable bookings={today.data} caption="Today’s bookings" withVenue={several} />
          )}
        </section>
        <section aria-labelledby="upcoming-title" className="dash-block">
          <h2 id="upcoming-title">Upcoming</h2>
          {upcoming.isError ? (
            <ErrorNotice error={upcoming.error} onRetry={() => void upcoming.refetch()} />
          ) : !upcoming.data ? (
            <Loading label="Loading upcoming bookings" />
          ) : upcoming.data.length === 0 ? (
            <Empty message="Nothing booked ahead yet." />
          ) : (
            <DeskTable bookings={upcoming.data} caption="Upcoming bookings" withDate withVenue={several} />
          )}
        </section>
      </div>

      {manager ? (
        <>
          <section aria-labelledby="charts-title" className="dash-block">
            <h2 id="charts-title">Trends</h2>
            <div className="chart-grid">
              {trend.isError ? <ErrorNotice error={trend.error} /> : trend.data ? <WeekTrendChart weeks={trend.data} /> : <div className="chart-placeholder" />}
              {hourly.isError ? <ErrorNotice error={hourly.error} /> : hourly.data ? <HourlyChart hours={hourly.data} /> : <div className="chart-placeholder" />}
            </div>
          </section>
          <section aria-labelledby="activity-title" className="dash-block">
            <h2 id="activity-title">Recent activity</h2>
            {activity.isError ? (
              <ErrorNotice error={activity.error} onRetry={() => void activity.refetch()} />
            ) : !activity.data ? (
              <Loading label="Loading recent activity" />
            ) : activity.data.length === 0 ? (
              <Empty message="Nothing has happened yet." />
            ) : (
              <ActivityList items={activity.data} timeZone={zone} />
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
