import { describe, expect, it } from 'vitest';
import { countries } from './countries.js';
import { organisations } from './organisations.js';
import { roles } from './roles.js';

const SECTORS = 'GOV MIL DIP LEG JUD COP SPY REB UAF OPP CVL MED BUS HRI REF HLH DEV EDU LAB AGR REL CRM NGO';

const code = (name: string): string | null | undefined => organisations().lookup(name)[0]?.code;

describe('organisations', () => {
  it('codes national armed forces and ministries from the qualifier', () => {
    expect(code('Armenian army')).toBe('ARMMIL');
    expect(code('Azerbaijani army')).toBe('AZEMIL');
    expect(code("Iran's foreign ministry")).toBe('IRNGOV');
    expect(code('Ministry of Foreign Affairs of Azerbaijan')).toBe('AZEGOV');
    expect(code('Russian defence ministry')).toBe('RUSMIL');
  });

  it('leaves the country open when the phrase names none', () => {
    const m = organisations().lookup('foreign ministry')[0];
    expect(m?.country).toBeNull();
    expect(m?.code).toBeNull();
    expect(organisations().lookup('Kurdish forces')[0]).toMatchObject({ country: null, group: 'Kurds', sector: 'MIL' });
  });

  it('does not read a bare "Union" as a German party', () => {
    expect(organisations().lookup('Union')).toEqual([]);
    expect(organisations().lookup('CDU')[0]?.country).toBe('DEU');
  });

  it('knows named institutions, IGOs and armed groups', () => {
    expect(code('IRGC')).toBe('IRNMIL');
    // Bodies of the 1987 wire and of today alike: the Soviet bloc's council, the OECD, GATT.
    expect(code('Comecon')).toBe('IGOBUS');
    expect(code('OECD')).toBe('IGODEV');
    expect(code('GATT')).toBe('IGOBUS');
    expect(code('Pentagon')).toBe('USAMIL');
    expect(code('Kremlin')).toBe('RUSGOV');
    expect(code('White House')).toBe('USAGOV');
    expect(code('State Department')).toBe('USAGOV');
    expect(code('NATO')).toBe('IGOMIL');
    expect(code('UN Security Council')).toBe('UNODIP');
    expect(code('Minsk Group')).toBe('IGODIP');
    expect(code('Daesh')).toBe('IMGREB');
    expect(code('Ansar Allah')).toBe('YEMREB');
    expect(code('Hamas')).toBe('PSEREB');
    expect(organisations().lookup('UN')[0]?.country).toBeNull();
  });

  it('knows governments named by their street', () => {
    expect(code('Whitehall')).toBe('GBRGOV');
    expect(code('Bankova')).toBe('UKRGOV');
    expect(code('Foggy Bottom')).toBe('USAGOV');
  });

  it('codes companies by the country of their head office (companies.tsv)', () => {
    expect(code('Gazprom')).toBe('RUSBUS');
    expect(code('Sony')).toBe('JPNBUS');
    expect(code('Wal-Mart')).toBe('USABUS');
    expect(code('Financial Times')).toBe('GBRMED');
  });

  it('does not read common words as acronyms', () => {
    expect(organisations().lookup('is')).toEqual([]);
    expect(organisations().lookup('dawn')).toEqual([]);
  });

  it('has at least 40 parties, every row with a known sector', () => {
    const all = organisations().all;
    expect(all.filter((o) => o.kind === 'party').length).toBeGreaterThanOrEqual(40);
    for (const o of all) expect(o.sector, o.name).toMatch(/^[A-Z]{3}$/);
  });

  it('uses only documented roots and sectors (docs/knowledge.md)', () => {
    const sectors = new Set(SECTORS.split(' '));
    for (const o of organisations().all) {
      expect(sectors.has(o.sector), `${o.name} ${o.sector}`).toBe(true);
      expect(['*', 'IGO', 'UNO', 'NGO', 'IMG'].includes(o.root) || countries().byCode(o.root)?.a3 === o.root, o.name).toBe(
        true,
      );
    }
    for (const r of roles().all) if (r.sector) expect(sectors.has(r.sector), r.phrase).toBe(true);
  });
});
