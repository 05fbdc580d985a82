/* global document, requestAnimationFrame, MutationObserver, HTMLInputElement, Event */

/**
 * Runs INSIDE the real app's counter screen (passed to page.evaluate, so it must not use
 * anything from this module's scope). For each query: set the search box's value with the
 * native setter and dispatch 'input' (what React listens to), wait until
 * `#counter-results[data-query]` equals the query (the results for that text are in the DOM),
 * then one requestAnimationFrame. The clock starts just before the value is set, so React's
 * synchronous handling of the event is inside the figure. Between queries the box is cleared
 * and the cleared state awaited, then `settleMs` lets the cards' follow-up reads finish, plus
 * a random part of a frame: a clerk's keystroke lands at any point of the display's frame, and
 * a fixed pause would start every query at the same phase and bias the figure.
 *
 * Returns { frameMs, samples }: frameMs is the measured interval between animation frames;
 * each sample is { kind, commitMs, paintMs }: commitMs stops at the data-query change,
 * paintMs after the frame.
 */
export async function measurePaintInPage({ queries, settleMs, timeoutMs }) {
  const input = document.querySelector('#counter-query');
  const list = document.querySelector('#counter-results');
  if (!input || !list) throw new Error('The counter screen is not showing (#counter-query / #counter-results missing)');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const answered = (text) =>
    new Promise((resolve, reject) => {
      const done = () => list.getAttribute('data-query') === text;
      if (done()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!done()) return;
        const at = performance.now();
        clearTimeout(timer);
        observer.disconnect();
        resolve(at);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`The counter did not answer "${text}" within ${timeoutMs} ms`));
      }, timeoutMs);
      observer.observe(list, { attributes: true, attributeFilter: ['data-query'] });
    });
  const type = (text) => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  // A small seeded generator, so two runs jitter the same way.
  let seed = 0x2545f491;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };

  const frameStart = performance.now();
  for (let i = 0; i < 30; i++) await nextFrame();
  const frameMs = (performance.now() - frameStart) / 30;

  const samples = [];
  for (const { kind, text } of queries) {
    const shown = answered(text);
    const start = performance.now();
    type(text);
    const committed = await shown;
    await nextFrame();
    const painted = performance.now();
    samples.push({ kind, commitMs: committed - start, paintMs: painted - start });

    const cleared = answered('');
    type('');
    await cleared;
    await nextFrame();
    await sleep(settleMs + random() * frameMs);
  }
  return { frameMs, samples };
}
