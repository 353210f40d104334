/**
 * ACLED-style CSV: ACLED's column names, one row per event that has an ACLED
 * counterpart. ACLED records political violence, demonstrations and a few strategic
 * developments that happened; PLOVER covers all of political interaction. The mapping
 * below keeps the PLOVER types and modes that correspond (docs/exports.md has the
 * table) and leaves the rest out: talks, statements, accusations, threats, aid,
 * sanctions, and events the article negates or only expects or imagines.
 */
import { STATE_SECTORS } from '../core/record.js';
import type { Modality } from '../core/record.js';
import type { Participant } from '../store/types.js';
import type { ExportEvent } from './context.js';
import { eventDay } from './dates.js';

export const ACLED_COLUMNS: readonly string[] = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
];

export type AcledEventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

export interface AcledClass {
  disorder: string;
  type: AcledEventType;
  subType: string;
}

/**
 * ACLED's actor categories, numbered as in its interaction codes: 1 state forces,
 * 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
 * 7 civilians, 8 external/other forces.
 */
export type Inter = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ARMED_NON_STATE: Record<string, Inter> = { REB: 2, UAF: 3, CRM: 3 };
const CIVILIAN_SECTORS = new Set(['CVL', 'OPP', 'MED', 'BUS', 'HRI', 'REF', 'HLH', 'DEV', 'NGO', 'EDU', 'LAB', 'AGR', 'REL']);

/** Modalities of events that did not (or not yet) happen: ACLED records none of them. */
const NOT_HAPPENED: ReadonlySet<Modality> = new Set(['negated', 'hypothetical', 'future']);

/** Sector of a participant: from its code (root + sector) or its own field. */
function sectorOf(p: Participant): string | null {
  return p.code !== null && p.code.length > 3 ? p.code.slice(3, 6) : p.sector;
}

/** The ACLED category of a participant outside demonstrations; null when the record cannot tell. */
export function interOf(p: Participant): Inter | null {
  const root = p.code?.slice(0, 3) ?? null;
  if (root === 'IGO' || root === 'UNO') return 8;
  if (root === 'IMG') return 2;
  if (root === 'NGO') return 7;
  const sector = sectorOf(p);
  if (sector === null) return root !== null || p.country !== null ? 1 : null;
  if (STATE_SECTORS.has(sector)) return 1;
  const armed = ARMED_NON_STATE[sector];
  if (armed !== undefined) return armed;
  return CIVILIAN_SECTORS.has(sector) ? 7 : null;
}

const VIOLENCE = 'Political violence';
const DEMONSTRATIONS = 'Demonstrations';
const STRATEGIC = 'Strategic developments';
const ARMED_AGREEMENT_CONTEXTS = new Set(['military', 'peacekeeping', 'territory', 'terrorism']);

function hasCount(r: { min: number | null; max: number | null } | null): boolean {
  return r !== null && ((r.min ?? 0) > 0 || (r.max ?? 0) > 0);
}

function assault(e: ExportEvent): AcledClass {
  const { mode, recipients } = e.row;
  switch (mode) {
    case 'aerial':
    case 'drone':
      return { disorder: VIOLENCE, type: 'Explosions/Remote violence', subType: 'Air/drone strike' };
    case 'heavy-weapons':
      return { disorder: VIOLENCE, type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack' };
    case 'explosives':
      return { disorder: VIOLENCE, type: 'Explosions/Remote violence', subType: 'Remote explosive/landmine/IED' };
    case 'suicide-attack':
      return { disorder: VIOLENCE, type: 'Explosions/Remote violence', subType: 'Suicide bomb' };
    case 'unconventional':
      return { disorder: VIOLENCE, type: 'Explosions/Remote violence', subType: 'Chemical weapon' };
    case 'abduct':
      return { disorder: VIOLENCE, type: 'Violence against civilians', subType: 'Abduction/forced disappearance' };
    case 'sexual':
      return { disorder: VIOLENCE, type: 'Violence against civilians', subType: 'Sexual violence' };
    case 'destroy':
      return { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Looting/property destruction' };
    case 'crowd-control':
      // Force against a crowd: ACLED files it under the demonstration it met, lethal force apart.
      return hasCount(e.row.dead)
        ? { disorder: `${VIOLENCE}; ${DEMONSTRATIONS}`, type: 'Protests', subType: 'Excessive force against protesters' }
        : { disorder: DEMONSTRATIONS, type: 'Protests', subType: 'Protest with intervention' };
    default: {
      // One-sided violence against unarmed people is violence against civilians; otherwise a clash.
      const civilians = recipients.length > 0 && recipients.every((p) => interOf(p) === 7);
      return civilians
        ? { disorder: VIOLENCE, type: 'Violence against civilians', subType: 'Attack' }
        : { disorder: VIOLENCE, type: 'Battles', subType: 'Armed clash' };
    }
  }
}

/** The ACLED event type and sub-type of an event, or null when ACLED has no counterpart. */
export function acledClass(e: ExportEvent): AcledClass | null {
  const { type, mode, context, modality } = e.row;
  if (NOT_HAPPENED.has(modality)) return null;
  switch (type) {
    case 'ASSAULT':
      return assault(e);
    case 'PROTEST':
      if (mode === 'riot' || mode === 'vandalize') return { disorder: DEMONSTRATIONS, type: 'Riots', subType: 'Violent demonstration' };
      // A boycott withdraws relations; it gathers nobody in the street.
      if (mode === 'boycott') return null;
      return hasCount(e.row.arrested) || hasCount(e.row.injured)
        ? { disorder: DEMONSTRATIONS, type: 'Protests', subType: 'Protest with intervention' }
        : { disorder: DEMONSTRATIONS, type: 'Protests', subType: 'Peaceful protest' };
    case 'COERCE':
      if (mode === 'arrest') return { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Arrests' };
      if (mode === 'seize') return { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Looting/property destruction' };
      return null;
    case 'MOBILIZE':
      return { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Change to group/activity' };
    case 'RETREAT':
      if (mode === 'ceasefire') return { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Agreement' };
      if (mode === 'withdraw' || mode === 'disarm') return { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Change to group/activity' };
      return null;
    case 'AGREE':
      return context.some((c) => ARMED_AGREEMENT_CONTEXTS.has(c))
        ? { disorder: STRATEGIC, type: 'Strategic developments', subType: 'Agreement' }
        : null;
    default:
      return null;
  }
}

/** ACLED time precision: 1 the day is known, 2 within a week (or a day taken from the article's date), 3 the month or less. */
function timePrecision(grain: string, inferred: boolean): number {
  if (grain === 'month' || grain === 'year') return 3;
  if (grain === 'week' || inferred) return 2;
  return 1;
}

/** ACLED geo precision: 1 the town itself, 3 a region or country. */
function geoPrecision(precision: string | null): number | null {
  if (precision === 'city' || precision === 'locality') return 1;
  if (precision === 'region' || precision === 'country') return 3;
  return null;
}

type Field = string | number | null;

export interface AcledRow {
  values: Field[];
  cls: AcledClass;
}

function interFor(e: ExportEvent, p: Participant | undefined, cls: AcledClass, side: 1 | 2): Inter | null {
  const { type, mode } = e.row;
  const inter = p === undefined ? null : interOf(p);
  if (inter === 1 || inter === 8) return inter;
  // Whoever demonstrates is a protester or rioter, named or not, whatever else they are;
  // so is the crowd that force meets.
  if (type === 'PROTEST' && side === 1) return cls.type === 'Riots' ? 5 : 6;
  if (type === 'ASSAULT' && mode === 'crowd-control' && side === 2 && p !== undefined) return 6;
  return inter;
}

/** ACLED interaction: the two categories, lower first (16 = state forces–protesters); one side alone × 10. */
function interaction(a: Inter | null, b: Inter | null): number | null {
  if (a === null && b === null) return null;
  if (a === null || b === null) return (a ?? b)! * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

function fatalities(e: ExportEvent): number {
  // ACLED takes the most conservative figure reported; no figure is 0.
  return e.row.dead?.min ?? 0;
}

export function toAcled(e: ExportEvent): AcledRow | null {
  const cls = acledClass(e);
  if (cls === null) return null;
  const { row, place, article } = e;
  const day = eventDay(row);
  const [actor1, ...assoc1] = row.actors;
  const [actor2, ...assoc2] = row.recipients;
  const inter1 = interFor(e, actor1, cls, 1);
  const inter2 = interFor(e, actor2, cls, 2);
  const targetsCivilians = cls.type === 'Violence against civilians' || (cls.type === 'Explosions/Remote violence' && inter2 === 7);
  const tags = [`newsgraph:${row.type}${row.mode === null ? '' : `/${row.mode}`}`];
  if (row.modality !== 'asserted') tags.push(`modality=${row.modality}`);
  if (day?.fromPublished) tags.push('date=published');
  const ingested = article === null ? NaN : Date.parse(article.ingestedAt);
  const values: Field[] = [
    row.key,
    day?.start ?? null,
    day === null ? null : Number(day.start.slice(0, 4)),
    day === null ? null : timePrecision(day.grain, day.inferred),
    cls.disorder,
    cls.type,
    cls.subType,
    actor1?.name ?? null,
    assoc1.map((p) => p.name).join('; ') || null,
    inter1,
    actor2?.name ?? null,
    assoc2.map((p) => p.name).join('; ') || null,
    inter2,
    interaction(inter1, inter2),
    targetsCivilians ? 'Civilian targeting' : null,
    place?.countryNumeric == null ? null : Number(place.countryNumeric),
    // ACLED's regions are its own grouping of countries; we do not guess them.
    null,
    place?.countryName ?? null,
    place?.admin1 ?? null,
    null,
    null,
    row.place?.name ?? null,
    row.place?.lat ?? null,
    row.place?.lon ?? null,
    geoPrecision(place?.precision ?? null),
    row.article.publisher ?? article?.uri ?? null,
    null,
    row.evidence.text,
    fatalities(e),
    tags.join('; '),
    Number.isNaN(ingested) ? null : Math.floor(ingested / 1000),
  ];
  return { values, cls };
}
