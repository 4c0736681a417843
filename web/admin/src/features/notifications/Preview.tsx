import { useEffect, useMemo, useRef } from 'react';

interface Rendered {
  subject: string | null;
  body_text: string;
  body_html: string | null;
}

/**
 * A rendered message, shown safely: the text as text (<pre>), the HTML in a sandboxed frame that runs no script
 * (sandbox without allow-scripts). The frame inherits the admin page's CSP, which refuses inline style attributes
 * and <style> elements, so they travel as data and are applied through the CSSOM (which the CSP allows); the
 * `allow-same-origin` that needs cannot let anything run, since nothing in the frame may execute.
 */
export function Preview({ rendered }: { rendered: Rendered }) {
  return (
    <div className="preview">
      {rendered.subject !== null ? (
        <p>
          <strong>Subject:</strong> {rendered.subject}
        </p>
      ) : null}
      <h3>Text</h3>
      <pre className="preview-text">{rendered.body_text}</pre>
      {rendered.body_html !== null ? (
        <>
          <h3>HTML</h3>
          <HtmlFrame html={rendered.body_html} />
        </>
      ) : null}
    </div>
  );
}

/**
 * Moves style attributes and <style> elements out of the way of the CSP (see Preview), and drops what could load
 * or run something. The rewrite happens on the text, before parsing: a parsed document inherits the page's CSP and
 * would report every style attribute it meets.
 */
function inert(html: string): { doc: string; sheets: string[] } {
  const sheets: string[] = [];
  const rewritten = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_, css: string) => {
      sheets.push(css);
      return '';
    })
    .replace(/(<[a-z][^>]*?\s)style(\s*=)/gi, '$1data-preview-style$2');
  const parsed = new DOMParser().parseFromString(rewritten, 'text/html');
  parsed.querySelectorAll('script, style, iframe, object, embed, base, link, meta[http-equiv]').forEach((el) => el.remove());
  return { doc: `<!doctype html>${parsed.documentElement.outerHTML}`, sheets };
}

function HtmlFrame({ html }: { html: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { doc, sheets } = useMemo(() => inert(html), [html]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const apply = () => {
      const d = el.contentDocument;
      if (!d) return;
      d.querySelectorAll<HTMLElement>('[data-preview-style]').forEach((node) => {
        node.style.cssText = node.dataset.previewStyle ?? '';
      });
      const adopted = sheets.map((text) => {
        const sheet = new (d.defaultView ?? window).CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      });
      d.adoptedStyleSheets = adopted;
      el.style.height = `${Math.min(d.documentElement.scrollHeight + 16, 900)}px`;
    };
    el.addEventListener('load', apply);
    return () => el.removeEventListener('load', apply);
  }, [doc, sheets]);

  return <iframe ref={frame} title="HTML message preview" className="preview-html" sandbox="allow-same-origin" srcDoc={doc} />;
}
