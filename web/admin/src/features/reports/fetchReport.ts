import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { json, type ReportParams } from './params';

/** The reports in the order the page offers them, with their names. */
export const REPORTS = {
  revenue: 'Revenue',
  bookings: 'Bookings',
  customers: 'Customers',
  promotions: 'Promotions',
  staff: 'Staff',
  funnel: 'Widget funnel',
} as const;
export type ReportKind = keyof typeof REPORTS;

/** One report's answer, tagged with its kind so the page can hand each view its own type. */
export async function fetchReport(kind: ReportKind, query: ReportParams) {
  const params = { params: { query } };
  switch (kind) {
    case 'revenue':
      return { kind, data: json(await unwrap(api.GET('/api/reports/revenue', params))) } as const;
    case 'bookings':
      return { kind, data: json(await unwrap(api.GET('/api/reports/bookings', params))) } as const;
    case 'customers':
      return { kind, data: json(await unwrap(api.GET('/api/reports/customers', params))) } as const;
    case 'promotions':
      return { kind, data: json(await unwrap(api.GET('/api/reports/promotions', params))) } as const;
    case 'staff':
      return { kind, data: json(await unwrap(api.GET('/api/reports/staff', params))) } as const;
    case 'funnel':
      return { kind, data: json(await unwrap(api.GET('/api/reports/funnel', params))) } as const;
  }
}

export type Report = Awaited<ReturnType<typeof fetchReport>>;
export type ReportOf<K extends ReportKind> = Extract<Report, { kind: K }>['data'];
