/**
 * One floating tooltip for the whole page. Views say which element shows which lines;
 * the lines are set as text, so article text in them stays text.
 */

function tip(): HTMLElement | null {
  return document.getElementById('tooltip');
}

export function showTooltip(anchor: Element, lines: readonly string[], event?: MouseEvent): void {
  const el = tip();
  if (!el || lines.length === 0) return;
  el.replaceChildren(...lines.map((line) => {
    const div = document.createElement('div');
    div.textContent = line;
    return div;
  }));
  el.hidden = false;
  const box = anchor.getBoundingClientRect();
  const x = event ? event.clientX : box.left;
  const y = event ? event.clientY : box.bottom;
  // CSSOM writes are allowed under the CSP (only style attributes in markup are not).
  const width = el.offsetWidth;
  el.style.left = `${Math.max(4, Math.min(window.innerWidth - width - 4, x + 12)) + window.scrollX}px`;
  el.style.top = `${y + 16 + window.scrollY}px`;
}

export function hideTooltip(): void {
  const el = tip();
  if (el) el.hidden = true;
}

/**
 * Show `linesFor(target)` while the pointer is over an element inside `container`
 * that matches `selector` (event delegation: one listener for thousands of segments).
 */
export function delegateTooltip(
  container: Element,
  selector: string,
  linesFor: (target: Element) => string[],
  signal: AbortSignal,
): void {
  container.addEventListener('mouseover', (ev) => {
    const target = ev.target instanceof Element ? ev.target.closest(selector) : null;
    if (!target || !container.contains(target)) return;
    showTooltip(target, linesFor(target), ev as MouseEvent);
  }, { signal });
  container.addEventListener('mouseout', (ev) => {
    const to = (ev as MouseEvent).relatedTarget;
    if (!(to instanceof Element) || !to.closest(selector)) hideTooltip();
  }, { signal });
  signal.addEventListener('abort', hideTooltip);
}
