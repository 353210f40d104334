/**
 * Document-level evidence. A name is usually written the same way throughout a
 * story, so how a word looks elsewhere in the document disambiguates positions where
 * case says nothing: the first word of a sentence and capitals-only headlines.
 */

/** What the statistics read of a word (computed once per word type by features.ts). */
export interface StatWord {
  /** The word lowercased. */
  lower: string;
  /** shortShape of the word. */
  ss: string;
  /** hasLetter, isCapitalised and hasLower of the word. */
  letter: boolean;
  cap: boolean;
  hasLower: boolean;
}

export interface DocStats {
  allCaps: boolean[];
  /** lowercase word → most frequent short shape where case is informative. */
  caseForm: Map<string, string>;
  /** lowercase words seen written in lower case somewhere in the document. */
  seenLower: Set<string>;
  /** lowercase word → roles inside runs of capitalised words elsewhere (first/mid/last/single). */
  capRoles: Map<string, Set<string>>;
}

/** isAllCapsSentence (shape.ts) over described words. */
function allCapsSentence(words: readonly StatWord[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!w.letter) continue;
    letters++;
    if (!w.hasLower) caps++;
  }
  return letters >= 2 && caps >= 0.9 * letters;
}

export function computeDocStats(sentences: readonly (readonly StatWord[])[]): DocStats {
  const allCaps = sentences.map(allCapsSentence);
  const formCounts = new Map<string, Map<string, number>>();
  const seenLower = new Set<string>();
  const capRoles = new Map<string, Set<string>>();
  sentences.forEach((words, si) => {
    if (allCaps[si]) return;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!w.letter) continue;
      const lw = w.lower;
      if (!w.cap) seenLower.add(lw);
      if (i === 0) continue;
      let forms = formCounts.get(lw);
      if (!forms) formCounts.set(lw, (forms = new Map()));
      const sh = w.ss;
      forms.set(sh, (forms.get(sh) ?? 0) + 1);
      if (w.cap && w.hasLower) {
        const prevCap = words[i - 1]!.cap && i - 1 > 0;
        const nextCap = words[i + 1]?.cap ?? false;
        const role = prevCap ? (nextCap ? 'mid' : 'last') : nextCap ? 'first' : 'single';
        let roles = capRoles.get(lw);
        if (!roles) capRoles.set(lw, (roles = new Set()));
        roles.add(role);
      }
    }
  });
  const caseForm = new Map<string, string>();
  for (const [lw, forms] of formCounts) {
    let best = '';
    let bestN = 0;
    for (const [f, n] of forms) {
      if (n > bestN) {
        best = f;
        bestN = n;
      }
    }
    caseForm.set(lw, best);
  }
  return { allCaps, caseForm, seenLower, capRoles };
}
