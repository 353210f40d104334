/**
 * Coarse groups of UD relations. The action classifier decides the arc's
 * direction AND its label group (core argument, nominal dependent, modifier,
 * function word, multiword, punctuation, other), which keeps most of what a
 * joint (action, label) classifier knows about which attachments go with which
 * relations, in a row of 16 weights (one cache line); the label classifier then
 * picks a label within the group. Subtypes follow their base relation
 * (`nsubj:pass` → core).
 */
export const GROUP_COUNT = 7;

const GROUP_OF: Record<string, number> = {
  nsubj: 0, csubj: 0, obj: 0, iobj: 0, expl: 0, ccomp: 0, xcomp: 0,
  obl: 1, nmod: 1, appos: 1, nummod: 1,
  amod: 2, advmod: 2, advcl: 2, acl: 2, discourse: 2, vocative: 2,
  aux: 3, cop: 3, mark: 3, det: 3, case: 3, cc: 3,
  compound: 4, flat: 4, fixed: 4, goeswith: 4,
  punct: 5,
};

/**
 * The groups of closed-class dependents: function words (3) and punctuation (5).
 * A labeller that may leave the move's group (labelling.ts's PathLabeller) stays
 * inside these: on EWT dev, its changes into or out of them were wrong more
 * often than right (docs/decisions/0041).
 */
export function isClosedGroup(g: number): boolean {
  return g === 3 || g === 5;
}

/** Group of a UD relation; anything unlisted (conj, parataxis, root, dep, …) is "other". */
export function labelGroup(label: string): number {
  const base = label.split(':')[0] ?? label;
  return GROUP_OF[base] ?? GROUP_COUNT - 1;
}

/** Labels ordered by group then name, so that each group's labels are one contiguous run. */
export function groupOrder(labels: readonly string[]): string[] {
  return [...labels].sort((a, b) => labelGroup(a) - labelGroup(b) || (a < b ? -1 : a > b ? 1 : 0));
}
