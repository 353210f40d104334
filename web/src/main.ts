/**
 * Entry: the header navigation, the stats line and the hash router. Each route change
 * renders a view into a fresh section; a view still loading when the route moves on
 * writes into its detached section, so stale answers never reach the page.
 */
import { api, ApiError } from './api.js';
import { h, notice } from './dom.js';
import { statsLine } from './format.js';
import { parseHash } from './router.js';
import type { Route } from './router.js';
import type { View, ViewHandle } from './view.js';

const NAV: ReadonlyArray<readonly [string, string]> = [
  ['events', 'Events'],
  ['articles', 'Articles'],
  ['timeline', 'Timeline'],
  ['network', 'Network'],
  ['map', 'Map'],
  ['dyad', 'Dyad'],
  ['search', 'Search'],
];

// Views load on demand: the map brings the world geometry, which no other view needs.
const VIEWS: Record<string, () => Promise<View>> = {
  events: async () => (await import('./views/events.js')).eventsView,
  articles: async () => (await import('./views/articles.js')).articlesView,
  article: async () => (await import('./views/article.js')).articleView,
  timeline: async () => (await import('./views/timeline.js')).timelineView,
  network: async () => (await import('./views/network.js')).networkView,
  map: async () => (await import('./views/map.js')).mapView,
  dyad: async () => (await import('./views/dyad.js')).dyadView,
  search: async () => (await import('./views/search.js')).searchView,
};

interface Shown {
  view: string;
  path: string;
  section: HTMLElement;
  handle: ViewHandle | void;
  abort: AbortController;
}
let current: Shown | null = null;

function describe(err: unknown): string {
  if (err instanceof ApiError) return `${err.message}${err.parameter ? ` (parameter ${err.parameter})` : ''} [${err.code}]`;
  return err instanceof Error ? err.message : String(err);
}

function markNav(view: string): void {
  const active = view === 'article' ? 'articles' : view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    if (a.dataset.view === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route(): Promise<void> {
  const parsed: Route = parseHash(location.hash);
  const view = parsed.view === '' ? 'events' : parsed.view;
  const path = [view, ...parsed.args].join('/');
  markNav(view);
  if (current && current.path === path && current.handle?.update?.(parsed)) {
    current.section.dataset.hash = location.hash;
    return;
  }

  current?.abort.abort();
  const abort = new AbortController();
  const root = document.getElementById('view');
  if (!root) return;
  const section = h('section', { class: `view view-${view}`, 'data-view': view });
  root.replaceChildren(section);
  const entry: Shown = { view, path, section, handle: undefined, abort };
  current = entry;
  const load = VIEWS[view];
  if (!load) {
    section.append(notice(`There is no view "${view}". Pick one from the menu.`, 'error'));
    return;
  }
  // The body is in the page while the view fills it, so views can measure and scroll.
  const loading = notice('Loading…');
  const body = h('div', { class: 'view-body' });
  section.append(loading, body);
  try {
    const render = await load();
    const handle = await render(body, { ...parsed, view }, { signal: abort.signal });
    if (current !== entry) return;
    entry.handle = handle;
    loading.remove();
    // Set as text: an article title is data.
    document.title = `${body.querySelector('h1')?.textContent ?? view} · newsgraph`;
    // Which address the finished view shows (a view may have rewritten it while rendering): a
    // test, or a script, waiting for this address's view is not fooled by the one it replaces.
    section.dataset.hash = location.hash;
    section.dataset.ready = 'true';
  } catch (err) {
    if (current !== entry) return;
    section.replaceChildren(notice(describe(err), 'error'));
    section.dataset.hash = location.hash;
    section.dataset.ready = 'error';
  }
}

async function loadStats(): Promise<void> {
  const el = document.getElementById('stats');
  if (!el) return;
  try {
    const s = await api.stats();
    el.textContent = statsLine(s);
  } catch (err) {
    el.textContent = `stats unavailable: ${describe(err)}`;
  }
}

function start(): void {
  const nav = document.getElementById('nav');
  nav?.replaceChildren(...NAV.map(([view, label]) => h('a', { href: `#/${view}`, 'data-view': view }, label)));
  window.addEventListener('hashchange', () => void route());
  void route();
  void loadStats();
}

start();
