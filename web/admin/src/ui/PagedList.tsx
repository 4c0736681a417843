import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loading } from '../app/App';
import { Empty, ErrorNotice } from './Notice';
import { Pager, type PageInfo } from './Pager';

interface PagedListProps<Row> {
  /** A list query (`{ data, total, page, pages }`). */
  query: UseQueryResult<PageInfo & { data: Row[] }>;
  /** What the spinner says while the first page loads. */
  loading: string;
  /** What an empty page says: a message, or an <Empty> with its own actions. */
  empty: string | ReactNode;
  /** The pager's accessible name ("Coupon pages"). */
  pagerLabel: string;
  onPage: (page: number) => void;
  /** The rows of the current page (never empty), usually as a table. */
  children: (rows: Row[]) => ReactNode;
}

/** A paged list's states, as every list page shows them: loading, the error (with Retry), empty, else rows and pager. */
export function PagedList<Row>({ query, loading, empty, pagerLabel, onPage, children }: PagedListProps<Row>) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.data.length === 0) return typeof empty === 'string' ? <Empty message={empty} /> : <>{empty}</>;
  return (
    <>
      {children(query.data.data)}
      <Pager info={query.data} onPage={onPage} label={pagerLabel} />
    </>
  );
}
