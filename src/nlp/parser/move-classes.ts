/**
 * The move classes the move table scores: SHIFT, REDUCE, then LEFT-ARC and
 * RIGHT-ARC for each label group (label-groups.ts).
 */
import { GROUP_COUNT } from './label-groups.js';
import { LEFT, RIGHT } from './transitions.js';

/** Move classes: SHIFT, REDUCE, LEFT-ARC per label group, RIGHT-ARC per label group. */
export const FIRST_LEFT = 2;
export const FIRST_RIGHT = 2 + GROUP_COUNT;

/** The transition of move class c. */
export function classAction(c: number): number {
  return c < FIRST_LEFT ? c : c < FIRST_RIGHT ? LEFT : RIGHT;
}

/** The label group of an arc class. */
export function classGroup(c: number): number {
  return c < FIRST_RIGHT ? c - FIRST_LEFT : c - FIRST_RIGHT;
}
