/**
 * Small hand-written pages for the tests of this folder. The prose is invented
 * for the purpose; nothing is copied from real sites or from the benchmark.
 */

export const PROSE = [
  'The river authority opened the northern floodgates on Tuesday morning after three days of heavy rain raised the water level above the seasonal mark.',
  'Engineers said the reservoir had absorbed most of the storm, but the forecast for the weekend left them little room, and farmers downstream were told to move livestock to higher ground.',
  'A spokeswoman for the authority said the release would continue until the level fell by half a metre, which could take until Thursday if no more rain arrives.',
  'Residents of the two villages closest to the channel were offered places in the school gymnasium, although most chose to stay with relatives in town.',
];

export function page(opts: { head?: string; body: string; lang?: string }): string {
  const lang = opts.lang === undefined ? '' : ` lang="${opts.lang}"`;
  return `<!doctype html><html${lang}><head><meta charset="utf-8">${opts.head ?? ''}</head><body>${opts.body}</body></html>`;
}

export function article(inner: string): string {
  return `<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>${inner}</article></main><footer>Contact us</footer>`;
}

export const PARAGRAPHS = PROSE.map((p) => `<p>${p}</p>`).join('\n');
