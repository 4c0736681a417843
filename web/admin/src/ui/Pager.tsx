/** A list answer's position (docs/api.md: lists answer `{ data, total, page, pages }`). */
export interface PageInfo {
  total: number;
  page: number;
  pages: number;
}

/** Previous/next for a paginated list, with where the reader is; absent when everything fits on one page. */
export function Pager({ info, onPage, label = 'Pages' }: { info: PageInfo; onPage: (page: number) => void; label?: string }) {
  if (info.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="secondary" disabled={info.page <= 1} onClick={() => onPage(info.page - 1)}>
        Previous
      </button>
      <span>
        Page {info.page} of {info.pages} ({info.total} in all)
      </span>
      <button type="button" className="secondary" disabled={info.page >= info.pages} onClick={() => onPage(info.page + 1)}>
        Next
      </button>
    </nav>
  );
}
