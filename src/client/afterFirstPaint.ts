/** Runs `fn` once the page has loaded and the browser is idle: never in the way of first paint. */
export function afterFirstPaint(fn: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => fn(), { timeout: 2000 })
      : setTimeout(fn, 200);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
