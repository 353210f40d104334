/**
 * The extract pipeline with an events stage that also records the coder's trace (each
 * trigger's fate: event, merged, suppressed, no actor …) and the last document, for the
 * evaluation scripts that explain misses (events-eval.ts, plover-manual-examples.ts).
 */
import type { Doc } from '../src/core/doc.js';
import { Pipeline } from '../src/core/pipeline.js';
import type { Stage } from '../src/core/stage.js';
import { DEFAULT_STAGES } from '../src/extract.js';
import type { TraceItem } from '../src/events/coder.js';
import { codeDoc } from '../src/events/coder.js';
import { lexicon } from '../src/events/lexicon.js';
import { eventStage } from '../src/events/stage.js';

/** What the events stage saw in the last document, while `on`. */
export interface Seen {
  on: boolean;
  trace: TraceItem[];
  doc: Doc | null;
}

export function tracingPipeline(opts: { parser: boolean }): { pipeline: Pipeline; seen: Seen } {
  const seen: Seen = { on: true, trace: [], doc: null };
  const tracingEvents: Stage = {
    ...eventStage,
    run(doc: Doc): void {
      eventStage.run(doc);
      // Traced only while asked, so that a speed measurement times the stage alone.
      if (!seen.on) return;
      seen.trace = [];
      seen.doc = doc;
      // The traced run must agree with the stage's own: same coder, same lexicon.
      const traced = codeDoc(doc, lexicon(), (t) => seen.trace.push(t));
      if (traced.events.length !== doc.events.length) throw new Error(`traced run of "${doc.text.slice(0, 60)}" differs from the events stage`);
    },
  };
  // Without the parser (the POS fallback run): no stage before events needs its output.
  const stages = DEFAULT_STAGES.filter((s) => opts.parser || !s.assigns.includes('deps'))
    .map((s) => (s.name === eventStage.name ? tracingEvents : s));
  return { pipeline: Pipeline.build(stages), seen };
}
