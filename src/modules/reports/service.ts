/**
 * The reports module's public functions: the dashboard, the reports and the exports (docs/reports.md). It reads
 * other modules' tables in its own SQL (the exception docs/architecture.md states) and writes nothing.
 */
export { dashboardHourly, dashboardStats, dashboardToday, dashboardTrend, dashboardUpcoming, scopeOf, type Scope } from './dashboard.js';
export { dashboardActivity } from './activity.js';
export { bookingsReport, customersReport, periodOf, promotionsReport, revenueReport, staffReport, type Period } from './reports.js';
export { exportStream, type Dataset, type ExportRequest } from './exports.js';
export { neutralise, toCsv } from './csv.js';
export { reportCacheFor, type ReportCache } from './cache.js';
