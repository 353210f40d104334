import { describe, expect, it } from 'vitest';
import { organisations } from './organisations.js';
import { governingParty, partyLedOn, partySectorOn } from './parties.js';
import { readKnowledge, tsvRows } from './paths.js';

const party = (name: string) => {
  const org = organisations().all.find((o) => o.name === name);
  if (!org) throw new Error(`no ${name} in organisations.tsv`);
  return org;
};

describe('governingParty', () => {
  it('is the party of the head of government on the day', () => {
    expect(governingParty('GBR', '2005-03-01')).toBe('Labour Party');
    expect(governingParty('GBR', '2015-03-01')).toBe('Conservative Party');
    expect(governingParty('GBR', '2024-07-10')).toBe('Labour Party');
    expect(governingParty('DEU', '2022-06-01')).toBe('Social Democratic Party of Germany');
  });

  it('reads the head of state where he governs, and knows nothing of a country without leaders', () => {
    expect(governingParty('USA', '2010-06-01')).toBe('Democratic Party');
    expect(governingParty('USA', '2018-06-01')).toBe('Republican Party');
    expect(governingParty('XYZ', '2018-06-01')).toBeUndefined();
  });
});

describe('partySectorOn', () => {
  it('makes the party that leads the government GOV, and the one that led it when the table was written OPP', () => {
    expect(partySectorOn(party('Conservative Party'), '2015-03-01T10:00')).toBe('GOV');
    expect(partySectorOn(party('Labour Party'), '2015-03-01')).toBe('OPP');
    expect(partySectorOn(party('Christian Democratic Union'), '2022-06-01')).toBe('OPP');
  });

  it('keeps the table where the date agrees with it or says nothing: opposition parties, junior partners', () => {
    expect(partySectorOn(party('Labour Party'), '2005-03-01')).toBeNull();
    expect(partySectorOn(party('Scottish National Party'), '2015-03-01')).toBeNull();
    // The SPD was the junior partner in 2015 as in 2025: nothing here can say so, and nothing changes.
    expect(partySectorOn(party('Social Democratic Party of Germany'), '2015-03-01')).toBeNull();
    expect(partySectorOn(party('United Nations'), '2015-03-01')).toBeNull();
  });
});

describe('a role qualified by a party (readActor)', () => {
  it('takes the party\'s country, leaves a party post\'s sector to the date, and keeps an MP in the legislature', async () => {
    const { readActor } = await import('./actor.js');
    expect(readActor('Labour MP')).toMatchObject({ country: 'GBR', role: 'member of parliament', sector: 'LEG', parties: [{ name: 'Labour Party', country: 'GBR' }] });
    expect(readActor('Lib Dem spokesman')).toMatchObject({ country: 'GBR', role: 'spokesperson', sector: null, parties: [{ name: 'Liberal Democrats', country: 'GBR' }] });
    expect(readActor('Tory co-chairman')).toMatchObject({
      country: 'GBR', role: 'chair', sector: null,
      parties: [{ name: 'Conservative Party', country: 'GBR' }, { name: 'Conservative Party of Canada', country: 'CAN' }],
    });
    expect(readActor('Azeri foreign minister')).toMatchObject({ country: 'AZE', parties: [] });
  });
});

describe('partyLedOn', () => {
  it('is the party a person led on the day, from the first day of the term to the day before the next', () => {
    expect(partyLedOn('Michael Howard', '2005-03-01')).toEqual({ country: 'GBR', party: 'Conservative Party' });
    expect(partyLedOn('Michael Howard', '2003-11-06T09:00')).toEqual({ country: 'GBR', party: 'Conservative Party' });
    expect(partyLedOn('Michael Howard', '2005-12-06')).toBeNull();
    expect(partyLedOn('Nigel Farage', '2010-01-01')).toBeNull();
    expect(partyLedOn('Nigel Farage', '2012-01-01')).toEqual({ country: 'GBR', party: 'UK Independence Party' });
    expect(partyLedOn('Keir Starmer', '2026-01-01')).toEqual({ country: 'GBR', party: 'Labour Party' });
  });

  it('holds rows of parties organisations.tsv has, each term ending after it starts', () => {
    const rows = tsvRows(readKnowledge('party-leaders.tsv'));
    expect(rows.length).toBeGreaterThan(40);
    for (const [country = '', party = '', person = '', from = '', to = ''] of rows) {
      expect(organisations().all.some((o) => o.name === party && o.kind === 'party' && o.root === country), party).toBe(true);
      expect(from, person).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (to) expect(to > from, person).toBe(true);
      expect(partyLedOn(person, from)?.party, person).toBe(party);
    }
  });
});
