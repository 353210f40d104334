/**
 * The single PLOVER category of an event, for exports and comparisons with PLOVER
 * data. The record keeps category + modality apart ("will visit" is CONSULT, future);
 * the manual (Auxiliary modes) asks a PLOVER coder to return one category instead:
 * AGREE for intended cooperation (SUPPORT + future), THREATEN for announced or
 * conditional force (ASSAULT + hypothetical), and an announced protest (CAMEO 133). Negated cooperation is a refusal
 * (REJECT), as CAMEO and PLOVER coders treat "would not meet", "failed to reach".
 * RETREAT and CONCEDE keep their category when future (manual, AGREE ambiguities).
 */
import type { EventRecord, PloverType } from '../core/record.js';

const COOPERATIVE: ReadonlySet<PloverType> = new Set(['SUPPORT', 'CONSULT', 'COOPERATE', 'AID']);
const FORCEFUL: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION']);
const REFUSABLE: ReadonlySet<PloverType> = new Set(['AGREE', 'SUPPORT', 'CONSULT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);

export function ploverCategory(e: Pick<EventRecord, 'type' | 'modality'>): PloverType {
  if ((e.modality === 'future' || e.modality === 'hypothetical') && COOPERATIVE.has(e.type)) return 'AGREE';
  if ((e.modality === 'future' || e.modality === 'hypothetical') && FORCEFUL.has(e.type)) return 'THREATEN';
  // Announcing a protest or boycott is a threat of dissent (CAMEO 133).
  if (e.modality === 'future' && e.type === 'PROTEST') return 'THREATEN';
  if (e.modality === 'negated' && REFUSABLE.has(e.type)) return 'REJECT';
  return e.type;
}
