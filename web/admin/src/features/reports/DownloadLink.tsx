/**
 * A download of a report or export: a same-origin link, so the session cookie goes with it and the server's
 * Content-Disposition names the file. `label` is the accessible name when the visible text is short ("CSV").
 */
export function DownloadLink({ href, label, children }: { href: string; label?: string; children: string }) {
  return (
    <a className="download" href={href} download aria-label={label}>
      {children}
    </a>
  );
}
