// widget.js: mounts the booking widget in an iframe where its script tag stands, on any site:
//   <script src="https://bookings.example.com/widget.js" data-embed-key="KEY"></script>
// The frame is the page /book/KEY of the same server; it reports its height (postMessage) and the frame follows,
// so the host page never shows a scroll bar inside a scroll bar. No dependencies: this file is all of it.

const HEIGHT_MESSAGE = 'bookingtms:height';

(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return;
  const key = script.dataset.embedKey;
  if (!key) {
    console.error('BookingTMS widget: the script tag needs data-embed-key="<your venue’s embed key>"');
    return;
  }
  const origin = new URL(script.src, document.baseURI).origin;
  const frame = document.createElement('iframe');
  frame.src = `${origin}/book/${encodeURIComponent(key)}`;
  frame.title = script.dataset.title ?? 'Book online';
  // Stripe's Payment Element may offer wallet payments, which a frame may use only when allowed to.
  frame.allow = 'payment';
  frame.style.width = '100%';
  frame.style.minWidth = '300px';
  frame.style.height = '520px';
  frame.style.border = '0';
  frame.style.display = 'block';
  script.insertAdjacentElement('afterend', frame);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (data?.type === HEIGHT_MESSAGE && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
})();
