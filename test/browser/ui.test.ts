/**
 * The web UI in a real browser against the real server over a temporary store: the
 * views render, filters and click-throughs land where they say, an event's evidence
 * sentence is highlighted, and article text that looks like HTML stays text. Any
 * console error, page error, failed request or HTTP error fails the test.
 *
 * Needs Chromium at /usr/bin/chromium (Debian package `chromium`); skips without it.
 * The UI is built fresh into a temp directory first, so the test never runs a stale
 * web/dist. Screenshots go to test/browser/artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { EventRow, Network, Page as ApiPage, PlaceCount } from '../../src/store/types.js';
import { startUiServer } from './server.js';
import type { UiServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/browser/ui.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));

describe.skipIf(!hasChromium)('web UI in Chromium', () => {
  let buildDir = '';
  let profileDir = '';
  let ui: UiServer;
  let browser: BrowserContext;
  let page: Page;
  let problems: string[] = [];

  async function apiGet<T>(path: string): Promise<T> {
    const res = await fetch(new URL(`api/${path}`, ui.url));
    expect(res.status, `GET /api/${path}`).toBe(200);
    return (await res.json()) as T;
  }

  /** Go to a hash route and wait until its view has finished rendering. */
  async function open(hash: string): Promise<void> {
    await page.goto(new URL(hash, ui.url).href);
    await ready();
  }

  /**
   * Waits for the view the URL names, not the one it replaces: after a click the old view can
   * still be in the page when the URL has changed, and a new view of the same name (the events
   * list under other filters) has the old one's selector. The finished view says which address
   * it shows (data-hash); it must be the page's address now.
   */
  async function ready(): Promise<void> {
    const view = /^#\/([^/?]*)/.exec(new URL(page.url()).hash)?.[1] || 'events';
    const section = `section.view[data-view="${view}"]`;
    const done = await page.waitForFunction((sel: string) => {
      // Run in the page; the test's own TypeScript has no DOM types (and the page's CSP allows no string eval).
      const w = globalThis as unknown as { document: { querySelector(s: string): { dataset: Record<string, string | undefined> } | null }; location: { hash: string } };
      const s = w.document.querySelector(sel);
      return s && s.dataset.ready !== undefined && s.dataset.hash === w.location.hash ? s.dataset.ready : null;
    }, section, { timeout: 15_000 });
    const state = await done.jsonValue();
    if (state !== 'true') throw new Error(`view failed: ${await page.textContent(section)}`);
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    buildDir = mkdtempSync(join(tmpdir(), 'newsgraph-web-'));
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: buildDir, emptyOutDir: true } });
    ui = await startUiServer(buildDir);
    profileDir = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
    // A persistent context is how Playwright takes a --user-data-dir: a fresh one per run.
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    problems = [];
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  it('lists events and filters them by type', async () => {
    const all = await apiGet<ApiPage<EventRow>>('events?limit=1');
    await open('#/events');
    expect(await page.locator('tr.event-row').count()).toBe(Math.min(50, all.total));
    expect(await page.textContent('#stats')).toContain(`${all.total} events`);

    const accuse = await apiGet<ApiPage<EventRow>>('events?type=ACCUSE&limit=1');
    expect(accuse.total).toBeGreaterThan(0);
    expect(accuse.total).toBeLessThan(all.total);
    await page.selectOption('select[name="type"]', 'ACCUSE');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/type=ACCUSE/);
    await ready();
    const types = await page.locator('tr.event-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    expect(types.length).toBe(accuse.total);
    expect(new Set(types)).toEqual(new Set(['ACCUSE']));
    await shot('events-accuse');
  });

  it('filters events by the sector of their actor and recipient', async () => {
    const expected = (await apiGet<ApiPage<EventRow>>('events?actorSector=GOV&limit=1000')).total;
    const all = (await apiGet<ApiPage<EventRow>>('events?limit=1000')).total;
    // The examples are political news: some events have a government actor, and not all.
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all);
    await open('#/events');
    await page.selectOption('select[name="actorSector"]', 'GOV');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/actorSector=GOV/);
    await ready();
    expect(await page.locator('tr.event-row').count()).toBe(Math.min(50, expected));
    expect(await page.inputValue('select[name="actorSector"]')).toBe('GOV');
    // And by the recipient's, with the actor's kept.
    const both = (await apiGet<ApiPage<EventRow>>('events?actorSector=GOV&recipientSector=GOV&limit=1000')).total;
    await page.selectOption('select[name="recipientSector"]', 'GOV');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/recipientSector=GOV/);
    await ready();
    expect(await page.locator('tr.event-row').count()).toBe(Math.min(50, both));
  });

  it('filters events by confidence', async () => {
    const items = (await apiGet<ApiPage<EventRow>>('events?limit=1000')).items;
    // The step of the form that splits these events; the examples are political pages, so most score high.
    const step = ['0.9', '0.7', '0.5', '0.3'].find((t) => items.some((e) => e.confidence < Number(t)) && items.some((e) => e.confidence >= Number(t)));
    expect(step).toBeDefined();
    const expected = items.filter((e) => e.confidence >= Number(step)).length;
    await open('#/events');
    await page.selectOption('select[name="minConfidence"]', step!);
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(new RegExp(`minConfidence=${step!.replace('.', '\\.')}`));
    await ready();
    expect(await page.locator('tr.event-row').count()).toBe(Math.min(50, expected));
    expect(await page.inputValue('select[name="minConfidence"]')).toBe(step);
  });

  it('opens an article at the clicked event with its evidence sentence highlighted', async () => {
    await open('#/events?type=ACCUSE');
    const key = await page.getAttribute('tr.event-row >> nth=0', 'data-key');
    expect(key).toBeTruthy();
    const event = await apiGet<EventRow>(`events/${encodeURIComponent(key as string)}`);
    await page.click('tr.event-row >> nth=0 >> td.date');
    await page.waitForURL(/#\/article\//);
    await ready();
    expect(page.url()).toContain(`event=${event.eventId}`);
    await page.waitForSelector(`.event-panel dl[data-event="${event.eventId}"]`);
    const evidence = await page.locator('.article-text .seg.evidence').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
    expect(evidence).toBe(event.evidence.text);
    expect(await page.locator('.article-text .seg.trigger-selected').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''))).toBe(event.trigger);
    expect(await page.locator('.article-text .seg.evidence >> nth=0').isVisible()).toBe(true);
    await shot('article-event');

    // Another event of the same article, picked from the side list: the highlight moves.
    const others = await apiGet<ApiPage<EventRow>>(`events?article=${event.articleKey}&limit=100`);
    const other = others.items.find((e) => e.evidence.start !== event.evidence.start);
    if (other) {
      await page.click(`.events-list a[data-event="${other.eventId}"]`);
      await page.waitForSelector(`.event-panel dl[data-event="${other.eventId}"]`);
      const moved = await page.locator('.article-text .seg.evidence').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
      expect(moved).toBe(other.evidence.text);
    }

    // Clicking a trigger in the text selects that event.
    const trigger = page.locator('.article-text .seg.trigger').first();
    await trigger.click();
    await page.waitForURL(/event=/);
    await page.waitForSelector('.event-panel dl[data-event]');
    expect(await page.locator('.article-text .seg.evidence').count()).toBeGreaterThan(0);

    // Hovering a mark explains it.
    await page.hover('.article-text .seg.ent >> nth=0');
    await page.waitForSelector('#tooltip:not([hidden])');
    expect(await page.textContent('#tooltip')).toMatch(/PERSON|ORG|GPE|LOC|NORP|FAC|MISC/);
  });

  it('shows markup in article text as text and runs none of it', async () => {
    const key = ui.keys.get('xss.html.txt') as string;
    await open(`#/article/${key}`);
    const text = await page.textContent('.article-text');
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('href="javascript:window.__pwned=1"');
    expect(await page.textContent('h1')).toContain('<script>');
    expect(await page.locator('.article-text script, .article-text img, .article-text a').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    // Hover across the whole text, so any handler that re-parses it would fire.
    // (A string: the test is type-checked without the DOM library.)
    const hovered = await page.evaluate<number>(`(() => {
      const els = document.querySelectorAll('.article-text .seg');
      for (const el of els) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      return els.length;
    })()`);
    expect(hovered).toBeGreaterThan(10);
    await page.hover('.article-text .seg.quote >> nth=0');
    await page.waitForSelector('#tooltip:not([hidden])');
    expect(await page.locator('#tooltip script, #tooltip img').count()).toBe(0);
    await page.click('.article-text .seg.trigger >> nth=0');
    await page.waitForSelector('.event-panel dl[data-event]');
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    await shot('article-xss');
  });

  it('draws the timeline and opens a period from a bar', async () => {
    await open('#/timeline?bucket=month');
    const bars = page.locator('svg.chart g.bar');
    expect(await bars.count()).toBeGreaterThan(0);
    const period = await bars.first().getAttribute('data-period');
    await shot('timeline');
    await bars.first().locator('rect.hit').click();
    await page.waitForURL(/#\/events\?.*since=/);
    await ready();
    expect(page.url()).toContain(`since=${period}-01`);
    expect(await page.locator('tr.event-row').count()).toBeGreaterThan(0);
  });

  it('draws the actor network and opens an actor from a node', async () => {
    const net = await apiGet<Network>('network?limit=60');
    await open('#/network');
    expect(net.nodes.length).toBeGreaterThan(1);
    expect(await page.locator('svg.network g.node').count()).toBe(net.nodes.length);
    expect(await page.locator('svg.network path.edge').count()).toBe(net.edges.length);
    await shot('network');
    await page.locator('svg.network g.node circle').first().click();
    await page.waitForURL(/#\/events\?.*actor=/);
    await ready();
    expect(await page.locator('tr.event-row').count()).toBeGreaterThan(0);
  });

  it('draws the map with a circle per place and opens a place', async () => {
    const places = await apiGet<PlaceCount[]>('places');
    await open('#/map');
    expect(await page.locator('svg.map path.country').count()).toBeGreaterThan(100);
    expect(places.length).toBeGreaterThan(0);
    expect(await page.locator('svg.map circle.place').count()).toBe(places.length);
    await shot('map');
    // The smallest circle is drawn last, on top: always clickable.
    const last = page.locator('svg.map circle.place').last();
    const name = await last.getAttribute('data-place');
    await last.click();
    await page.waitForURL(/#\/events\?.*place=/);
    await ready();
    expect(decodeURIComponent(page.url().replace(/\+/g, ' '))).toContain(`place=${name}`);
    expect(await page.locator('tr.event-row').count()).toBeGreaterThan(0);
  });

  it('shows the busiest dyad by default and a chosen one on request', async () => {
    await open('#/dyad');
    expect(page.url()).toMatch(/a=.+&b=.+/);
    expect(await page.locator('svg.chart g.bar').count()).toBeGreaterThan(0);
    await shot('dyad-default');

    await page.fill('input[name="a"]', 'IRN');
    await page.fill('input[name="b"]', 'AZE');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/a=IRN&b=AZE/);
    await ready();
    expect(await page.textContent('h2')).toContain('IRN ↔ AZE');
    const dyad = await apiGet<{ months: unknown[] }>('dyad?a=IRN&b=AZE');
    expect(await page.locator('svg.chart g.bar').count()).toBe(dyad.months.length);
    await shot('dyad-irn-aze');
  });

  it('searches article text and marks the matches', async () => {
    await open('#/search?q=embassy');
    expect(await page.locator('.search-hits li').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-hits mark').count()).toBeGreaterThan(0);
    await page.click('.search-hits a.hit-title >> nth=0');
    await page.waitForURL(/#\/article\//);
    await ready();
    expect(await page.locator('.article-text .seg').count()).toBeGreaterThan(0);
  });

  it('reports an unknown article as an error, not a blank page', async () => {
    await page.goto(new URL('#/article/0000000000000000', ui.url).href);
    await page.waitForSelector('section.view[data-ready="error"]');
    expect(await page.textContent('.notice-error')).toBeTruthy();
    // The 404 of the API is the expected answer here, not a problem.
    problems = problems.filter((p) => !/HTTP 404: .*\/api\/articles\/0000000000000000|404 \(Not Found\)/.test(p));
  });
});
