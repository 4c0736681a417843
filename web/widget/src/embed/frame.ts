// Inside the iframe widget.js made: tell the host page how tall the widget is whenever that changes.

const HEIGHT_MESSAGE = 'bookingtms:height';

/** Posts the document's height to the parent page on every change (nothing when the page is not framed). */
export function reportHeight(): void {
  if (window.parent === window) return;
  const root = document.getElementById('root');
  if (!root) return;
  let last = 0;
  const post = () => {
    // The content's own height (not the document's, which is at least the frame's: it could never shrink).
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Only a height: nothing secret, so any host page may read it.
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(post).observe(root);
  post();
}
