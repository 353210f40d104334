import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES } from '../core/record.js';
import { lemmatize, lemmaCandidates } from './lemma.js';
import { anchorKey, cameoTable, lexicon, parseLexicon } from './lexicon.js';
import { ploverCategory } from './plover.js';

describe('lemmatiser', () => {
  it.each([
    ['held', 'V', 'hold'], ['liberated', 'V', 'liberate'], ['seized', 'V', 'seize'], ['stopped', 'V', 'stop'],
    ['killed', 'V', 'kill'], ['talks', 'N', 'talk'], ['casualties', 'N', 'casualty'], ['attacks', 'V', 'attack'],
    ['deployed', 'V', 'deploy'], ['fighting', 'V', 'fight'], ['agreed', 'V', 'agree'], ['sanctions', 'N', 'sanction'],
    ['constructor', 'V', 'constructor'],
  ] as const)('%s (%s) → %s', (word, cls, lemma) => {
    expect(lemmaCandidates(word, cls)).toContain(lemma);
  });

  it('strips a plural "-es" only after a hissing sound or an "o": aides are no aid, planes no plan', () => {
    expect(lemmaCandidates('clashes', 'N')).toContain('clash');
    expect(lemmaCandidates('vetoes', 'N')).toContain('veto');
    expect(lemmaCandidates('taxes', 'N')).toContain('tax');
    expect(lemmaCandidates('aides', 'N')).not.toContain('aid');
    expect(lemmaCandidates('planes', 'N')).not.toContain('plan');
  });

  // Every verb the lexicon anchors must be found in all its inflected forms, or its rows
  // silently match only the base form: regular forms by rule, irregular ones from English.
  it('maps every inflected form of every lexicon verb back to it', () => {
    const IRREGULAR_PAST: Record<string, string[]> = {
      beat: ['beaten'], break: ['broke', 'broken'], bring: ['brought'], build: ['built'], burn: ['burnt'],
      cut: ['cut'], fight: ['fought'], find: ['found'], fly: ['flew', 'flown'], forbid: ['forbade', 'forbidden'],
      forgive: ['forgave', 'forgiven'], freeze: ['froze', 'frozen'], give: ['gave', 'given'], go: ['went', 'gone'],
      hit: ['hit'], hold: ['held'], lay: ['laid'], lend: ['lent'], meet: ['met'], overrun: ['overran'], put: ['put'],
      quit: ['quit'], retake: ['retook', 'retaken'], seek: ['sought'], send: ['sent'], set: ['set'], shoot: ['shot'],
      shut: ['shut'], sit: ['sat'], slay: ['slew', 'slain'], speak: ['spoke', 'spoken'], stand: ['stood'],
      strike: ['struck'], swear: ['swore', 'sworn'], take: ['took', 'taken'], undertake: ['undertook', 'undertaken'],
      withdraw: ['withdrew', 'withdrawn'], write: ['wrote', 'written'],
    };
    // Short consonant-vowel-consonant verbs double the last letter: ban → banned, banning.
    const regular = (v: string): string[] => {
      if (v.endsWith('e')) return [`${v}d`, `${v.slice(0, -1)}ing`, `${v}s`];
      if (/[^aeiou]y$/.test(v)) return [`${v.slice(0, -1)}ied`, `${v}ing`, `${v.slice(0, -1)}ies`];
      const stem = /^[^aeiou]*[aeiou][bdgmnprt]$/.test(v) ? v + v.slice(-1) : v;
      return [`${stem}ed`, `${stem}ing`, /(?:s|sh|ch|x|z)$/.test(v) ? `${v}es` : `${v}s`];
    };
    const verbs = new Set(lexicon().entries.filter((e) => e.pos === 'verb' || e.pos === 'phrase').map((e) => e.words[0]!));
    const missed: string[] = [];
    for (const v of verbs) {
      // Auxiliaries anchor only modal frames ("be willing to"); their forms are in the irregulars table.
      if (v === 'be' || v === 'have') continue;
      for (const f of [...(IRREGULAR_PAST[v] ?? []), ...regular(v)]) {
        if (!lemmaCandidates(f, 'V').includes(v)) missed.push(`${f}→${v}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('puts the best guess first', () => {
    expect(lemmatize('liberated', 'V')).toBe('liberate');
    expect(lemmatize('Struck', 'V')).toBe('strike');
  });
});

describe('trigger lexicon', () => {
  const lex = lexicon();

  it('has several hundred entries covering all 16 PLOVER types', () => {
    expect(lex.entries.length).toBeGreaterThan(400);
    expect(new Set(lex.entries.map((e) => e.type))).toEqual(new Set(PLOVER_TYPES));
  });

  it('has no duplicate rows for one anchor, pattern and condition', () => {
    const seen = new Set<string>();
    for (const e of lex.entries) {
      const key = `${anchorKey(e)}|${e.pattern}|${e.when ?? ''}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('keeps cameo codes consistent with CAMEO2PLOVER-2021, except where the 2.0 manual overrides it', () => {
    const table = cameoTable();
    for (const e of lex.entries) {
      if (e.cameo === null) continue;
      const row = table(e.cameo);
      expect(row, `${e.pattern}: ${e.cameo}`).not.toBeNull();
      if (e.notes.startsWith('manual:') || e.notes.includes('manual')) continue;
      expect(`${e.pattern}: ${row!.type}`).toBe(`${e.pattern}: ${e.type}`);
    }
  });

  it('covers the modes the manual lists for the main types', () => {
    const modes = (type: string) => new Set(lex.entries.filter((e) => e.type === type).map((e) => e.mode));
    for (const m of ['visit', 'third-party', 'multilateral', 'phone']) expect(modes('CONSULT')).toContain(m);
    for (const m of ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign']) expect(modes('RETREAT')).toContain(m);
    for (const m of ['abduct', 'beat', 'torture', 'targeted', 'destroy', 'firearms', 'explosives', 'aerial', 'drone', 'heavy-weapons']) expect(modes('ASSAULT')).toContain(m);
    for (const m of ['seize', 'restrict', 'arrest', 'deport', 'curfew', 'censor']) expect(modes('COERCE')).toContain(m);
    for (const m of ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct']) expect(modes('PROTEST')).toContain(m);
    for (const m of ['convict', 'expel', 'withdraw', 'discontinue']) expect(modes('SANCTION')).toContain(m);
    for (const m of ['assist', 'change', 'yield', 'meet']) expect(modes('REQUEST')).toContain(m);
    for (const m of ['disapprove', 'investigate', 'allege']) expect(modes('ACCUSE')).toContain(m);
    for (const m of ['troops', 'weapons']) expect(modes('MOBILIZE')).toContain(m);
  });

  it('projects category + modality onto one PLOVER category', () => {
    expect(ploverCategory({ type: 'CONSULT', modality: 'future' })).toBe('AGREE');
    expect(ploverCategory({ type: 'ASSAULT', modality: 'hypothetical' })).toBe('THREATEN');
    expect(ploverCategory({ type: 'AGREE', modality: 'negated' })).toBe('REJECT');
    expect(ploverCategory({ type: 'RETREAT', modality: 'future' })).toBe('RETREAT');
    expect(ploverCategory({ type: 'ASSAULT', modality: 'asserted' })).toBe('ASSAULT');
  });
});

describe('lexicon conditions', () => {
  const row = (when: string): string => `pattern\tpos\ttype\tmode\tcontext\tcameo\trecipient\twhen\tnotes\nreceive\tverb\tCONSULT\tvisit\tdiplomatic\t043\tswap\t${when}\tnotes\n`;
  it('reads the three actor conditions and refuses any other, naming the row', () => {
    expect(parseLexicon(row('actor=coded'))[0]!.when).toBe('coded');
    expect(parseLexicon(row('actor=state'))[0]!.when).toBe('state');
    expect(parseLexicon(row(''))[0]!.when).toBeNull();
    expect(() => parseLexicon(row('actor=firm'))).toThrow(/bad condition "actor=firm" for "receive"/);
  });
});
