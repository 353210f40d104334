/**
 * Hash routes, so that every view is a link an analyst can share or bookmark:
 * `#/events?type=ASSAULT&offset=50`, `#/article/KEY?event=V2`. Pure (no DOM) so the
 * browser tests and the unit tests can use it alike.
 */

export interface Route {
  /** First path segment ("events", "article", …); "" for the bare hash. */
  view: string;
  /** Remaining path segments, decoded ("article/KEY" → ["KEY"]). */
  args: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q === -1 ? body : body.slice(0, q);
  const query = q === -1 ? '' : body.slice(q + 1);
  const segments = path.split('/').filter((p) => p !== '').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      // A hand-edited hash with a stray "%": keep the segment as typed.
      return p;
    }
  });
  return { view: segments[0] ?? '', args: segments.slice(1), params: new URLSearchParams(query) };
}

/** Build a hash: empty and undefined parameters are left out so links stay short. */
export function href(path: string | readonly string[], params: Record<string, string | number | undefined | null> | URLSearchParams = {}): string {
  const segments = typeof path === 'string' ? [path] : path;
  const encoded = segments.map((p) => encodeURIComponent(p)).join('/');
  const query = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    if (v === undefined || v === null || v === '') continue;
    query.set(k, String(v));
  }
  const qs = query.toString();
  return `#/${encoded}${qs ? `?${qs}` : ''}`;
}

/** The params minus paging, plus changes: what a filter form or a click-through produces. */
export function withParams(params: URLSearchParams, changes: Record<string, string | number | undefined | null>, keep: readonly string[] | null = null): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of params.entries()) if (keep === null || keep.includes(k)) next.set(k, v);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}
