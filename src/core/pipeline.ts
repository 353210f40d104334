/**
 * Pipeline builder: an explicit ordered list of stages, checked once when built.
 */
import type { Doc } from './doc.js';
import { NewsgraphError } from './errors.js';
import { trimScratch } from './scratch.js';
import { INITIAL_FEATURES } from './stage.js';
import type { DocFeature, Stage } from './stage.js';

export class Pipeline {
  readonly stages: readonly Stage[];

  private constructor(stages: readonly Stage[]) {
    this.stages = stages;
  }

  /**
   * Build a pipeline, failing with E_PIPELINE when a stage requires a feature that
   * no earlier stage assigns, or when two stages share a name.
   */
  static build(stages: readonly Stage[]): Pipeline {
    const available = new Set<DocFeature>(INITIAL_FEATURES);
    const names = new Set<string>();
    for (const stage of stages) {
      if (names.has(stage.name)) throw new NewsgraphError('E_PIPELINE', `stage "${stage.name}" appears twice`);
      names.add(stage.name);
      const missing = stage.requires.filter((f) => !available.has(f));
      if (missing.length > 0) {
        throw new NewsgraphError(
          'E_PIPELINE',
          `stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage assigns`,
        );
      }
      for (const f of stage.assigns) available.add(f);
    }
    return new Pipeline([...stages]);
  }

  run(doc: Doc): Doc {
    for (const stage of this.stages) {
      if (stage.englishOnly && !doc.readAsEnglish) {
        doc.provenance[stage.name] = `${stage.name}@${stage.version}: not run, the article is in another language (${doc.meta.language ?? 'und'})`;
        continue;
      }
      try {
        stage.run(doc);
      } finally {
        // A long document's work buffers go as soon as their stage is done, or has failed:
        // the stages after it can use that memory (core/scratch.ts).
        trimScratch();
      }
      doc.provenance[stage.name] ??= `${stage.name}@${stage.version}`;
    }
    return doc;
  }
}
