import { describe, expect, it } from 'vitest';
import type { EventRow } from '../store/types.js';
import { ACLED_COLUMNS, acledClass, interOf, toAcled } from './acled.js';
import { AZERBAIJAN, IRAN_GOV, eventRow, exportEvent, participant } from './fixtures.js';

const ARMY = participant('Azerbaijani army', 'AZEMIL', 'AZE', 'MIL', 'E4');
const REBELS = participant('rebels', 'SYRREB', 'SYR', 'REB', 'E5');
const VILLAGERS = participant('villagers', null, null, 'CVL', 'E6');
const POLICE = participant('police', 'IRNCOP', 'IRN', 'COP', 'E7');
const PROTESTERS = participant('protesters', null, 'IRN', 'CVL', 'E8');

function cls(over: Partial<EventRow>) {
  return acledClass(exportEvent(eventRow(over)));
}

function named(over: Partial<EventRow>): Record<string, string | number | null> {
  const row = toAcled(exportEvent(eventRow(over)));
  if (!row) throw new Error('no ACLED row');
  return Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, row.values[i] ?? null]));
}

describe('ACLED mapping', () => {
  it('maps assaults by mode and by who is attacked', () => {
    expect(cls({ type: 'ASSAULT', mode: 'aerial' })).toEqual({ disorder: 'Political violence', type: 'Explosions/Remote violence', subType: 'Air/drone strike' });
    expect(cls({ type: 'ASSAULT', mode: 'heavy-weapons' })?.subType).toBe('Shelling/artillery/missile attack');
    expect(cls({ type: 'ASSAULT', mode: 'explosives' })?.subType).toBe('Remote explosive/landmine/IED');
    expect(cls({ type: 'ASSAULT', mode: 'abduct' })).toMatchObject({ type: 'Violence against civilians', subType: 'Abduction/forced disappearance' });
    expect(cls({ type: 'ASSAULT', mode: 'firearms', actors: [ARMY], recipients: [REBELS] })).toMatchObject({ type: 'Battles', subType: 'Armed clash' });
    expect(cls({ type: 'ASSAULT', mode: 'firearms', actors: [REBELS], recipients: [VILLAGERS] })).toMatchObject({ type: 'Violence against civilians', subType: 'Attack' });
    expect(cls({ type: 'ASSAULT', mode: 'crowd-control', actors: [POLICE], recipients: [PROTESTERS] })).toMatchObject({ type: 'Protests', subType: 'Protest with intervention' });
    expect(cls({ type: 'ASSAULT', mode: 'crowd-control', dead: { min: 2, max: 2 } })).toMatchObject({ disorder: 'Political violence; Demonstrations', subType: 'Excessive force against protesters' });
    expect(cls({ type: 'ASSAULT', mode: 'destroy' })).toMatchObject({ type: 'Strategic developments', subType: 'Looting/property destruction' });
  });

  it('maps protests, arrests, mobilisation and ceasefires', () => {
    expect(cls({ type: 'PROTEST', mode: 'demo' })).toMatchObject({ disorder: 'Demonstrations', type: 'Protests', subType: 'Peaceful protest' });
    expect(cls({ type: 'PROTEST', mode: 'demo', arrested: { min: 12, max: 12 } })?.subType).toBe('Protest with intervention');
    expect(cls({ type: 'PROTEST', mode: 'riot' })).toMatchObject({ type: 'Riots', subType: 'Violent demonstration' });
    expect(cls({ type: 'COERCE', mode: 'arrest' })).toMatchObject({ disorder: 'Strategic developments', subType: 'Arrests' });
    expect(cls({ type: 'MOBILIZE', mode: 'troops' })?.subType).toBe('Change to group/activity');
    expect(cls({ type: 'RETREAT', mode: 'ceasefire' })?.subType).toBe('Agreement');
    expect(cls({ type: 'AGREE', mode: null, context: ['military'] })?.subType).toBe('Agreement');
  });

  it('has no counterpart for talk, for boycotts, or for events that did not happen', () => {
    expect(cls({ type: 'CONSULT' })).toBeNull();
    expect(cls({ type: 'ACCUSE', mode: null })).toBeNull();
    expect(cls({ type: 'AGREE', mode: null, context: ['economic'] })).toBeNull();
    expect(cls({ type: 'PROTEST', mode: 'boycott' })).toBeNull();
    expect(cls({ type: 'COERCE', mode: 'censor' })).toBeNull();
    expect(cls({ type: 'ASSAULT', mode: 'firearms', modality: 'negated' })).toBeNull();
    expect(cls({ type: 'ASSAULT', mode: 'firearms', modality: 'future' })).toBeNull();
    expect(cls({ type: 'ASSAULT', mode: 'firearms', modality: 'alleged' })).not.toBeNull();
    expect(toAcled(exportEvent(eventRow({ type: 'CONSULT' })))).toBeNull();
  });

  it('reads actor categories from codes and sectors', () => {
    expect(interOf(ARMY)).toBe(1);
    expect(interOf(IRAN_GOV)).toBe(1);
    expect(interOf(AZERBAIJAN)).toBe(1);
    expect(interOf(REBELS)).toBe(2);
    expect(interOf(participant('gunmen', null, null, 'UAF'))).toBe(3);
    expect(interOf(VILLAGERS)).toBe(7);
    expect(interOf(participant('NATO', 'IGOMIL', null, 'MIL'))).toBe(8);
    expect(interOf(participant('Islamic State', 'IMGREB', null, 'REB'))).toBe(2);
    expect(interOf(participant('someone', null, null, null))).toBeNull();
  });

  it('writes the row in ACLED column order', () => {
    expect(ACLED_COLUMNS).toHaveLength(31);
    const a = named({
      type: 'ASSAULT', mode: 'firearms', actors: [REBELS, participant('allied militia', null, null, 'UAF', 'E9')], recipients: [VILLAGERS],
      dead: { min: 4, max: 6 }, modality: 'alleged', date: { value: '2020-12-08', grain: 'day', inferred: false },
    });
    expect(a).toMatchObject({
      event_id_cnty: '0123456789abcdef:V3', event_date: '2020-12-08', year: 2020, time_precision: 1,
      disorder_type: 'Political violence', event_type: 'Violence against civilians', sub_event_type: 'Attack',
      actor1: 'rebels', assoc_actor_1: 'allied militia', inter1: 2, actor2: 'villagers', assoc_actor_2: null, inter2: 7,
      interaction: 27, civilian_targeting: 'Civilian targeting', iso: 364, region: null, country: 'Iran', admin1: 'Tehran Province',
      location: 'Tehran', latitude: 35.69, longitude: 51.42, geo_precision: 1, source: 'Example News', source_scale: null,
      notes: 'The Iranian government visited Baku, "officials" said.', fatalities: 4,
      tags: 'newsgraph:ASSAULT/firearms; modality=alleged', timestamp: Date.parse('2021-01-02T03:04:05.000Z') / 1000,
    });
  });

  it('codes demonstrators as protesters or rioters, unnamed or not', () => {
    const demo = named({ type: 'PROTEST', mode: 'demo', actors: [], recipients: [] });
    expect([demo['inter1'], demo['inter2'], demo['interaction'], demo['fatalities']]).toEqual([6, null, 60, 0]);
    const riot = named({ type: 'PROTEST', mode: 'riot', actors: [PROTESTERS], recipients: [POLICE] });
    expect([riot['inter1'], riot['inter2'], riot['interaction']]).toEqual([5, 1, 15]);
    const force = named({ type: 'ASSAULT', mode: 'crowd-control', actors: [POLICE], recipients: [PROTESTERS] });
    expect([force['inter1'], force['inter2'], force['interaction']]).toEqual([1, 6, 16]);
  });

  it('sets time precision from the date grain', () => {
    expect(named({ type: 'PROTEST', mode: 'demo', date: { value: '2020-11', grain: 'month', inferred: false } })['time_precision']).toBe(3);
    expect(named({ type: 'PROTEST', mode: 'demo', date: { value: '2020-11-30', grain: 'week', inferred: false } })['time_precision']).toBe(2);
    const fromPub = named({ type: 'PROTEST', mode: 'demo', date: null });
    expect([fromPub['time_precision'], fromPub['event_date'], fromPub['tags']]).toEqual([2, '2020-12-10', 'newsgraph:PROTEST/demo; date=published']);
  });
});
