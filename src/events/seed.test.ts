// The seed article's event targets (issue 6). Skips when ../shared is not beside the
// project. General checks only: the same rules run on unseen articles.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../core/pipeline.js';
import type { ArticleRecord, Entity, EventRecord } from '../core/record.js';
import { docToRecord } from '../core/serialize.js';
import type { Stage } from '../core/stage.js';
import { buildDoc, DEFAULT_STAGES, validateRecord } from '../extract.js';
import { parserModelAvailable } from '../nlp/parser/index.js';
import { parserStage } from '../nlp/parser/stage.js';
import { timeStage } from '../time/stage.js';
import { eventStage } from './stage.js';

const SEED = fileURLToPath(new URL('../../../shared/seeds/000_436aaab28d82e5a0.txt', import.meta.url));
const present = existsSync(SEED);
if (!present) console.warn(`events seed tests skipped: ${SEED} is absent (../shared is not beside the project)`);

// Whatever src/extract.ts does not list yet (time, parser, events) is added here.
function stages(useParser: boolean): Stage[] {
  const out = [...DEFAULT_STAGES];
  const before = (name: string, s: Stage) => {
    const i = out.findIndex((x) => x.name === name);
    out.splice(i < 0 ? out.length : i, 0, s);
  };
  if (!out.some((s) => s.assigns.includes('times'))) before('quotes', timeStage);
  if (useParser && !out.some((s) => s.assigns.includes('deps'))) before('ner', parserStage);
  // The fallback run drops the parser, which no stage before events needs.
  if (!useParser) out.splice(0, out.length, ...out.filter((s) => !s.assigns.includes('deps')));
  if (!out.some((s) => s.name === 'events')) out.push(eventStage);
  return out;
}

const modes = parserModelAvailable() ? ['dependency parse', 'POS fallback'] : ['POS fallback'];

describe.skipIf(!present).each(modes)('events on the seed article (%s)', (mode) => {
  let cached: ArticleRecord | undefined;
  const record = (): ArticleRecord => {
    cached ??= docToRecord(Pipeline.build(stages(mode === 'dependency parse')).run(buildDoc({ name: SEED, uri: null, kind: 'raw', content: readFileSync(SEED, 'utf8') })), 'test');
    return cached;
  };
  const ent = (id: string | null | undefined): Entity | undefined => record().entities.find((e) => e.id === id);
  const country = (id: string): string | null => ent(id)?.country ?? ent(id)?.code ?? null;
  const countries = (ids: readonly string[]): string[] => ids.map(country).filter((c): c is string => c !== null).sort();
  const events = (type: string): EventRecord[] => record().events.filter((e) => e.type === type);

  it('validates, with ids in text order and every trigger inside its one-sentence evidence', () => {
    const r = record();
    expect(validateRecord(r).errors).toEqual([]);
    r.events.forEach((e, i) => {
      expect(e.id).toBe(`V${i + 1}`);
      const [s, t] = r.sentences[e.evidence.sentence]!;
      expect([e.evidence.start, e.evidence.end]).toEqual([s, t]);
      expect(e.trigger.start).toBeGreaterThanOrEqual(s);
      expect(e.trigger.end).toBeLessThanOrEqual(t);
      expect(r.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    });
  });

  it('codes the talks in Tehran: Bayramov (AZE) consults Iran, on 2020-12-09', () => {
    const v = events('CONSULT').find((e) => e.actor.some((a) => ent(a)?.name.includes('Bayramov')));
    expect(v).toBeDefined();
    expect(ent(v!.actor[0])?.country).toBe('AZE');
    expect(v!.recipient.map(country)).toContain('IRN');
    expect(ent(v!.location)?.name).toBe('Tehran');
    expect(v!.date?.value).toBe('2020-12-09');
    expect(v!.modality).toBe('asserted');
  });

  it('codes Azerbaijani forces taking Aghbend', () => {
    const v = record().events.find((e) => (e.type === 'ASSAULT' || (e.type === 'COERCE' && e.mode === 'seize'))
      && ent(e.location)?.name === 'Aghbend' && e.actor.some((a) => country(a) === 'AZE' && ent(a)?.sector === 'MIL'));
    expect(v).toBeDefined();
  });

  it("keeps Armenia's allegation at a distance", () => {
    const v = events('ACCUSE').find((e) => countries(e.actor).includes('ARM'));
    expect(v?.modality).toBe('alleged');
  });

  it('makes the fighters reported sent, not the neighbours of the clause before, the actors of "fight"', () => {
    const v = events('ASSAULT').find((e) => e.trigger.text === 'fight');
    expect(v).toBeDefined();
    expect(countries(v!.actor)).toEqual(['LBY', 'SYR']);
    expect(v!.modality).toBe('alleged');
  });

  it("keeps Rouhani's warning hypothetical: no asserted war", () => {
    const r = record();
    const rouhaniSentences = new Set(r.events.filter((e) => ent(e.source)?.name.includes('Rouhani') || e.actor.some((a) => ent(a)?.name.includes('Rouhani'))).map((e) => e.evidence.sentence));
    for (const e of r.events) {
      if (!rouhaniSentences.has(e.evidence.sentence) || e.type !== 'ASSAULT') continue;
      if (/conflict|war/i.test(e.trigger.text)) expect(e.modality).toBe('hypothetical');
    }
    for (const e of r.events) if (e.actor.some((a) => ent(a)?.name.includes('Rouhani'))) expect(['THREATEN', 'ACCUSE']).toContain(e.type);
  });

  it('codes the ceasefire attempts between Armenia and Azerbaijan', () => {
    const v = record().events.find((e) => ((e.type === 'RETREAT' && e.mode === 'ceasefire') || e.type === 'AGREE')
      && countries([...e.actor, ...e.recipient]).join() === 'ARM,AZE');
    expect(v).toBeDefined();
  });

  it('codes the fighting between Armenia and Azerbaijan with hundreds dead', () => {
    const v = events('ASSAULT').find((e) => e.modality === 'asserted' && countries(e.actor).join() === 'ARM,AZE');
    expect(v).toBeDefined();
    expect(v!.size?.dead?.min).toBeGreaterThanOrEqual(100);
  });

  it('lists the Aghbend contradiction as one actor conflict naming both events', () => {
    const c = record().conflicts.filter((x) => x.kind === 'actor' && x.note.includes('Aghbend'));
    expect(c).toHaveLength(1);
    expect(c[0]!.events.length).toBeGreaterThanOrEqual(2);
    expect(c[0]!.note).toMatch(/Armenian army \(1 mention\)/);
    expect(c[0]!.note).toMatch(/Azerbaijani army/);
  });

  it('dates the 1990 occupation as historical', () => {
    expect(record().events.some((e) => e.modality === 'historical' && e.date?.value.startsWith('1990'))).toBe(true);
  });
});
