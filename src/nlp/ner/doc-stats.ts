/**
 * Document-level evidence. A name is usually written the same way throughout a
 * story, so how a word looks elsewhere in the document disambiguates positions where
 * case says nothing: the first word of a sentence and capitals-only headlines.
 */
import { hasLetter, hasLower, isAllCapsSentence, isCapitalised, shortShape } from './shape.js';

export interface DocStats {
  allCaps: boolean[];
  /** lowercase word → most frequent short shape where case is informative. */
  caseForm: Map<string, string>;
  /** lowercase words seen written in lower case somewhere in the document. */
  seenLower: Set<string>;
  /** lowercase word → roles inside runs of capitalised words elsewhere (first/mid/last/single). */
  capRoles: Map<string, Set<string>>;
}

export function computeDocStats(sentences: readonly (readonly string[])[]): DocStats {
  const allCaps = sentences.map((s) => isAllCapsSentence(s));
  const formCounts = new Map<string, Map<string, number>>();
  const seenLower = new Set<string>();
  const capRoles = new Map<string, Set<string>>();
  sentences.forEach((words, si) => {
    if (allCaps[si]) return;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      if (!hasLetter(w)) continue;
      const lw = w.toLowerCase();
      if (!isCapitalised(w)) seenLower.add(lw);
      if (i === 0) continue;
      let forms = formCounts.get(lw);
      if (!forms) formCounts.set(lw, (forms = new Map()));
      const sh = shortShape(w);
      forms.set(sh, (forms.get(sh) ?? 0) + 1);
      if (isCapitalised(w) && hasLower(w)) {
        const prevCap = isCapitalised(words[i - 1] ?? '') && i - 1 > 0;
        const nextCap = isCapitalised(words[i + 1] ?? '');
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
