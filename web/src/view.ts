/** What a view is to the router. */
import type { Route } from './router.js';

export interface ViewContext {
  /** Aborted when the route leaves this view: listeners registered with it go away. */
  signal: AbortSignal;
}

export interface ViewHandle {
  /**
   * Called instead of a full render when only the query changes under the same path
   * (the article reader moving between events keeps its scroll and DOM). Return false
   * to ask for a full render.
   */
  update?(route: Route): boolean;
}

export type View = (root: HTMLElement, route: Route, ctx: ViewContext) => Promise<ViewHandle | void>;
