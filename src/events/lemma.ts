/**
 * A small rule-based English lemmatiser for the trigger lexicon: an irregulars
 * table, then suffix rules. It only has to map inflected verbs and plural nouns
 * onto the lexicon's citation forms, so it favours the forms news text uses
 * over completeness; unknown words fall back to the lowercased surface.
 */

const IRREGULAR: Record<string, string> = {
  was: 'be', were: 'be', is: 'be', are: 'be', am: 'be', been: 'be', being: 'be', "'s": 'be',
  has: 'have', had: 'have', having: 'have', does: 'do', did: 'do', done: 'do',
  went: 'go', gone: 'go', goes: 'go', took: 'take', taken: 'take', gave: 'give', given: 'give',
  held: 'hold', met: 'meet', made: 'make', sent: 'send', fought: 'fight', struck: 'strike',
  stricken: 'strike', shot: 'shoot', hit: 'hit', beat: 'beat', beaten: 'beat', seized: 'seize',
  threw: 'throw', thrown: 'throw', drove: 'drive', driven: 'drive', spoke: 'speak', spoken: 'speak',
  told: 'tell', said: 'say', left: 'leave', led: 'lead', froze: 'freeze', frozen: 'freeze',
  broke: 'break', broken: 'break', brought: 'bring', bought: 'buy', sought: 'seek', began: 'begin',
  begun: 'begin', rose: 'rise', risen: 'rise', withdrew: 'withdraw', withdrawn: 'withdraw',
  overran: 'overrun', overthrew: 'overthrow', overthrown: 'overthrow', laid: 'lay', lain: 'lie',
  put: 'put', set: 'set', cut: 'cut', let: 'let', shut: 'shut', quit: 'quit', bid: 'bid',
  stood: 'stand', understood: 'understand', forgave: 'forgive', forgiven: 'forgive', kept: 'keep',
  swore: 'swear', sworn: 'swear', slew: 'slay', slain: 'slay', stole: 'steal', stolen: 'steal',
  flew: 'fly', flown: 'fly', fled: 'flee', won: 'win', lost: 'lose', blew: 'blow', blown: 'blow',
  wrote: 'write', written: 'write', came: 'come', saw: 'see', seen: 'see', knew: 'know',
  known: 'know', found: 'find', got: 'get', gotten: 'get', heard: 'hear', meant: 'mean',
  paid: 'pay', spent: 'spend', sold: 'sell', built: 'build', fell: 'fall', fallen: 'fall',
  bore: 'bear', borne: 'bear', undertook: 'undertake', undertaken: 'undertake', forbade: 'forbid',
  forbidden: 'forbid', upheld: 'uphold', withheld: 'withhold', shook: 'shake', shaken: 'shake',
  men: 'man', women: 'woman', people: 'people', children: 'child', police: 'police',
  policemen: 'policeman', crises: 'crisis', analyses: 'analysis', talks: 'talk', news: 'news',
  troops: 'troop', arms: 'arms', forces: 'force', hostilities: 'hostility', casualties: 'casualty',
  series: 'series', species: 'species', lives: 'life', thieves: 'thief', leaves: 'leave',
  dies: 'die', died: 'die', dying: 'die', lies: 'lie', ties: 'tie', ties_: 'tie',
  sanctions: 'sanction', ceasefires: 'ceasefire', strikes: 'strike', striking: 'strike',
  accused: 'accuse', accuses: 'accuse', refused: 'refuse', released: 'release',
  shelled: 'shell', shelling: 'shell', expelled: 'expel', expelling: 'expel', controlled: 'control',
  patrolled: 'patrol', patrolling: 'patrol', compelled: 'compel', repelled: 'repel',
  propelled: 'propel', cancelled: 'cancel', canceled: 'cancel', cancelling: 'cancel',
  travelled: 'travel', traveled: 'travel', travelling: 'travel', labelled: 'label',
  signalled: 'signal', fuelled: 'fuel', quelled: 'quell', rebelled: 'rebel', impelled: 'impel',
  committed: 'commit', omitted: 'omit', admitted: 'admit', submitted: 'submit', permitted: 'permit',
  transmitted: 'transmit', emitted: 'emit', acquitted: 'acquit', regretted: 'regret',
  targeted: 'target', targeting: 'target', visited: 'visit', visiting: 'visit', edited: 'edit',
  limited: 'limit', exited: 'exit', protested: 'protest', arrested: 'arrest', attacked: 'attack',
  ambushed: 'ambush', bombed: 'bomb', stabbed: 'stab', robbed: 'rob', mobbed: 'mob',
  grabbed: 'grab', stopped: 'stop', dropped: 'drop', shipped: 'ship', equipped: 'equip',
  kidnapped: 'kidnap', kidnapping: 'kidnap', kidnaps: 'kidnap', planned: 'plan', planning: 'plan',
  banned: 'ban', banning: 'ban', barred: 'bar', barring: 'bar', occurred: 'occur', deterred: 'deter',
  referred: 'refer', transferred: 'transfer', preferred: 'prefer', conferred: 'confer',
  deferred: 'defer', spurred: 'spur', stirred: 'stir', jailed: 'jail', hijacked: 'hijack',
  hostages: 'hostage', rallies: 'rally', rallied: 'rally', militias: 'militia',
  // Irregular pasts of lexicon verbs (lexicon.test.ts checks every lexicon verb's forms).
  lent: 'lend', retook: 'retake', retaken: 'retake', sat: 'sit', burnt: 'burn', sped: 'speed',
  besought: 'beseech', using: 'use',
};

const VOWEL = /[aeiou]/;

function undouble(stem: string): string {
  // "stopp" → "stop", but keep "ll"/"ss"/"zz" roots like "kill", "pass", "buzz".
  const n = stem.length;
  if (n >= 3 && stem[n - 1] === stem[n - 2] && !/[lsz]/.test(stem[n - 1]!)) return stem.slice(0, -1);
  return stem;
}

// After stripping -ed/-ing: restore a silent e where English spelling drops it
// ("liberat" → "liberate", "seiz" → "seize"); ambiguous stems are settled by
// lemmaCandidates against the lexicon.
function restoreE(stem: string): string {
  if (/(?:at|iz|is|ur|ag|iv|ov|ud|uc|nc|rg|dg|lv|rs|ns|us|ac|ot|ut|id|ok|ak|ik|ev|ib|ys|yz|ng)$/.test(stem) && !/(?:ect|ist|ust|ast|est|ipt|ept|ott|itt|ait|eat|uit|oat|ent|ant|int|ing|ong|ang|ung|ead|ood|ook|eak|ack|ick|ock|uck|eck)$/.test(stem)) return `${stem}e`;
  if (/[^aeiou][aeiou][cgsvz]$/.test(stem)) return `${stem}e`;
  if (/(?:bl|cl|dl|fl|gl|kl|pl|tl|zl)$/.test(stem)) return `${stem}e`;
  return stem;
}

function verbLemma(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|zz|o)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('es') && /(?:[^aeiou]|u)[cgsvz]es$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) return w.slice(0, -1);
  if (w.endsWith('eed') && w.length <= 5) return w;
  if (w.endsWith('ed') && w.length > 4) {
    const stem = w.slice(0, -2);
    if (!VOWEL.test(stem)) return w;
    const u = undouble(stem);
    return u !== stem ? u : restoreE(stem);
  }
  // "suing", "pursuing", "issuing": the e after u is dropped before -ing.
  if (/[^aeiou]uing$/.test(w)) return `${w.slice(0, -3)}e`;
  if (w.endsWith('ing') && w.length > 5) {
    const stem = w.slice(0, -3);
    if (!VOWEL.test(stem)) return w;
    const u = undouble(stem);
    return u !== stem ? u : restoreE(stem);
  }
  return w;
}

function nounLemma(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Lemma of a word given its coarse class: 'V' for verbs, 'N' for nouns, else the lowercased word. */
export function lemmatize(word: string, cls: 'V' | 'N' | 'O'): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  const irr = Object.hasOwn(IRREGULAR, w) ? IRREGULAR[w] : undefined;
  if (irr !== undefined && cls !== 'O') return irr;
  if (cls === 'V') return verbLemma(w);
  if (cls === 'N') return nounLemma(w);
  return w;
}

/** The coarse class the lexicon distinguishes, from a Penn or UD tag. */
export function coarseClass(xpos: string | undefined, upos: string | undefined): 'V' | 'N' | 'O' {
  if (xpos?.startsWith('VB') || upos === 'VERB') return 'V';
  if (xpos === 'NN' || xpos === 'NNS' || upos === 'NOUN') return 'N';
  return 'O';
}

/**
 * Plausible lemmas of a word, best guess first; the lexicon takes the first it
 * knows, so spelling rules need not be perfect ("used" → use, us).
 */
export function lemmaCandidates(word: string, cls: 'V' | 'N' | 'O'): string[] {
  const best = lemmatize(word, cls === 'O' ? 'O' : cls);
  const w = word.toLowerCase().replace(/’/g, "'");
  const out = [best];
  const add = (x: string): void => {
    if (x.length > 1 && !out.includes(x)) out.push(x);
  };
  if (cls === 'V') {
    for (const suf of ['ed', 'ing', 'd', 'es', 's']) {
      // A two-letter stem is enough: "using" → us(e).
      if (!w.endsWith(suf) || w.length < suf.length + 2) continue;
      const stem = w.slice(0, -suf.length);
      add(stem);
      add(`${stem}e`);
      add(undouble(stem));
    }
  } else if (cls === 'N') {
    if (w.endsWith('s')) add(w.slice(0, -1));
    // "-es" is a plural ending only after a hissing sound or an "o" ("clashes", "taxes",
    // "vetoes"): "aides" are not "aid".
    if (/(?:s|x|z|ch|sh|o)es$/.test(w)) add(w.slice(0, -2));
  }
  add(w);
  return out;
}
