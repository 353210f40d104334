import { describe, expect, it } from 'vitest';
import { readActor } from './actor.js';
import { roles } from './roles.js';

describe('roles', () => {
  it('maps role words to a canonical role and sector', () => {
    expect(roles().lookup('foreign minister')).toMatchObject({ role: 'foreign minister', sector: 'GOV' });
    expect(roles().lookup('FM')?.role).toBe('foreign minister');
    expect(roles().lookup('Envoy')).toMatchObject({ role: 'envoy', sector: 'GOV' });
    expect(roles().lookup('lawmakers')?.sector).toBe('LEG');
    expect(roles().lookup('judge')?.sector).toBe('JUD');
    expect(roles().lookup('troops')?.sector).toBe('MIL');
    expect(roles().lookup('separatists')?.sector).toBe('REB');
    expect(roles().lookup('policemen')?.sector).toBe('COP');
    expect(roles().lookup('demonstrators')?.sector).toBe('CVL');
    expect(roles().lookup('refugees')?.sector).toBe('REF');
    expect(roles().lookup('CEO')?.sector).toBe('BUS');
    expect(roles().lookup('spokesman')?.sector).toBeNull();
  });

  it('does not read "pm" in "10:13 pm" as prime minister', () => {
    expect(roles().lookup('pm')).toBeUndefined();
  });

  it('has at least 120 entries', () => {
    expect(roles().all.length).toBeGreaterThanOrEqual(120);
  });
});

describe('readActor', () => {
  it('reads the seed article actors', () => {
    expect(readActor('Azeri foreign minister')).toMatchObject({ country: 'AZE', role: 'foreign minister', code: 'AZEGOV' });
    expect(readActor('Iranian Foreign Minister')).toMatchObject({ country: 'IRN', code: 'IRNGOV' });
    expect(readActor('Azerbaijani ambassador')).toMatchObject({ country: 'AZE', code: 'AZEGOV' });
    expect(readActor('Azeri Envoy')).toMatchObject({ country: 'AZE', role: 'envoy' });
    expect(readActor('Armenian army')).toMatchObject({ country: 'ARM', code: 'ARMMIL' });
    expect(readActor('Iranian officials')).toMatchObject({ country: 'IRN', sector: 'GOV' });
    expect(readActor('Kurdish fighters')).toMatchObject({ country: null, group: 'Kurds', code: null });
    expect(readActor('weather')).toBeNull();
  });
});
