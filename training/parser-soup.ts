/**
 * Averages the weights of parser models trained on the same features, labels
 * and table size (e.g. one on gold tags, one on jackknifed tags). The parser is
 * linear, so the averaged table scores every transition exactly as the mean of
 * the two models' scores would: an ensemble at the cost and size of one model.
 *
 *   npx tsx training/parser-soup.ts OUT.bin A.bin B.bin [weightOfA=0.5]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClusterTable } from '../src/nlp/parser/clusters.js';
import { ParserModel } from '../src/nlp/parser/model.js';

export function sameClusters(a: ClusterTable | null, b: ClusterTable | null): boolean {
  if (!a || !b) return a === b;
  return Buffer.from(a.toBytes()).equals(Buffer.from(b.toBytes()));
}

/** Whether two tables read the same feature slots (null: every slot). */
export function sameSlots(x: Int32Array | null, y: Int32Array | null): boolean {
  return x === null ? y === null : y !== null && x.join() === y.join();
}

export function soup(a: ParserModel, b: ParserModel, weightA = 0.5, beam = 0): ParserModel {
  if (a.actionBits !== b.actionBits || a.labelBits !== b.labelBits || a.labels.join() !== b.labels.join()) {
    throw new Error('parser-soup: models differ in table size or labels');
  }
  if (!sameClusters(a.clusters, b.clusters)) {
    throw new Error('parser-soup: models were trained with different word clusters');
  }
  if (!sameSlots(a.slots.move, b.slots.move) || !sameSlots(a.slots.label, b.slots.label)) {
    throw new Error('parser-soup: models read different feature slots');
  }
  if (a.stateLabels !== b.stateLabels) throw new Error('parser-soup: models record different labels in parse states');
  const w = new Float32Array(a.weights.length);
  for (let i = 0; i < w.length; i++) w[i] = weightA * a.realWeight(i) + (1 - weightA) * b.realWeight(i);
  return new ParserModel(
    a.labels, a.actionBits, a.labelBits, w,
    // A soup of globally trained models is decoded with a beam too (`beam`, the width to use).
    { soupOf: [a.trainedOn, b.trainedOn], weightA, ...(beam > 0 ? { beam } : {}) }, a.clusters, undefined, a.slots, a.stateLabels,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out, pa, pb, wa, beam] = process.argv.slice(2);
  if (!out || !pa || !pb) throw new Error('usage: parser-soup.ts OUT.bin A.bin B.bin [weightOfA] [beamWidth]');
  const m = soup(
    ParserModel.fromBuffer(readFileSync(pa)),
    ParserModel.fromBuffer(readFileSync(pb)),
    wa === undefined ? 0.5 : Number(wa),
    beam === undefined ? 0 : Number(beam),
  );
  const buf = m.toBuffer();
  writeFileSync(out, buf);
  console.log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB)`);
}
