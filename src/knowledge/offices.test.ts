import { describe, expect, it } from 'vitest';
import { findPerson, gapsOn, holdersOn, loadOffices, normaliseName, officesOf, OfficesIndex } from './offices.js';
import type { Office } from './offices.js';
import { countries } from './countries.js';
import { readKnowledge } from './paths.js';

const names = (hs: { person: string }[]): string[] => hs.map((h) => h.person);

describe('offices: the cases from issue 4', () => {
  it('Zarif is IRN foreign minister on 2020-12-09', () => {
    expect(names(holdersOn('IRN', 'foreign_minister', '2020-12-09'))).toEqual(['Mohammad Javad Zarif']);
    const [zarif] = findPerson('Javad Zarif', '2020-12-09');
    expect(zarif).toMatchObject({ country: 'IRN', office: 'foreign_minister', role: 'foreign minister' });
    expect(findPerson('Zarif', '2020-12-09', 'IRN')[0]?.person).toBe('Mohammad Javad Zarif');
  });

  it('Bayramov is AZE foreign minister in December 2020 but Mammadyarov was in June', () => {
    expect(names(holdersOn('AZE', 'foreign_minister', '2020-12-09'))).toEqual(['Jeyhun Bayramov']);
    expect(names(holdersOn('AZE', 'foreign_minister', '2020-06-01'))).toEqual(['Elmar Mammadyarov']);
    expect(findPerson('Elmar Mammadyarov', '2020-06-01')[0]?.end).toBe('2020-07-16');
  });

  it('Rouhani, Raisi and Pezeshkian as Iranian presidents', () => {
    const rouhani = officesOf('Hassan Rouhani').filter((h) => h.role === 'president');
    expect(rouhani).toHaveLength(1);
    expect(rouhani[0]).toMatchObject({ country: 'IRN', start: '2013-08-03', end: '2021-08-03' });
    expect(names(holdersOn('IRN', 'head_of_government', '2015-05-05'))).toEqual(['Hassan Rouhani']);
    expect(names(holdersOn('IRN', 'head_of_government', '2021-09-01'))).toEqual(['Ebrahim Raisi']);
    expect(findPerson('Raisi', '2022-01-01')[0]).toMatchObject({ start: '2021-08-03', end: '2024-05-19' });
    expect(names(holdersOn('IRN', 'head_of_government', '2025-01-01'))).toEqual(['Masoud Pezeshkian']);
    expect(names(holdersOn('IRN', 'head_of_state', '2020-12-09'))).toEqual(['Ali Khamenei']);
  });

  it('Pashinyan is ARM prime minister from 2018 on', () => {
    expect(names(holdersOn('ARM', 'head_of_government', '2020-12-09'))).toEqual(['Nikol Pashinyan']);
    expect(names(holdersOn('ARM', 'head_of_government', '2025-06-01'))).toEqual(['Nikol Pashinyan']);
    expect(names(holdersOn('ARM', 'head_of_government', '2017-06-01'))).not.toContain('Nikol Pashinyan');
    expect(findPerson('Pashinyan')[0]).toMatchObject({ country: 'ARM', start: '2018-05-08', end: null });
  });

  it('Ilham Aliyev is AZE president', () => {
    expect(names(holdersOn('AZE', 'head_of_state', '2020-12-09'))).toEqual(['Ilham Aliyev']);
    expect(findPerson('Ilham Aliyev', '2020-12-09')[0]).toMatchObject({ role: 'president', office: 'head_of_state' });
  });

  it('US president on 2021-06-01 is Biden; UK prime minister on 2022-10-01 is Truss', () => {
    expect(names(holdersOn('USA', 'head_of_state', '2021-06-01'))).toEqual(['Joe Biden']);
    expect(names(holdersOn('USA', 'head_of_government', '2021-06-01'))).toEqual(['Joe Biden']);
    expect(names(holdersOn('GBR', 'head_of_government', '2022-10-01'))).toEqual(['Liz Truss']);
    expect(names(holdersOn('GBR', 'foreign_minister', '2022-10-01'))).toEqual(['James Cleverly']);
  });
});

describe('offices: lookup behaviour', () => {
  it('ignores case and diacritics', () => {
    expect(normaliseName('Mevlüt Çavuşoğlu')).toBe('mevlut cavusoglu');
    expect(findPerson('MEVLUT CAVUSOGLU', '2020-01-01')[0]?.person).toBe('Mevlüt Çavuşoğlu');
    expect(findPerson('Binali Yildirim')[0]?.person).toBe('Binali Yıldırım');
  });

  it('puts terms overlapping the date first and filters by country', () => {
    const johnson = findPerson('Boris Johnson', '2017-01-01');
    expect(johnson[0]).toMatchObject({ office: 'foreign_minister', country: 'GBR' });
    expect(findPerson('Boris Johnson', '2021-01-01')[0]).toMatchObject({ office: 'head_of_government' });
    expect(findPerson('Aliyev', '2001-01-01', 'AZE')[0]?.person).toBe('Heydar Aliyev');
    expect(findPerson('Aliyev', '2010-01-01', 'AZE')[0]?.person).toBe('Ilham Aliyev');
    expect(findPerson('Zarif', undefined, 'FRA')).toEqual([]);
  });

  it('knows finance, interior and defence ministers and central bank heads of large economies', () => {
    expect(findPerson('Gordon Brown', '2005-03-01')[0]).toMatchObject({ office: 'finance_minister', country: 'GBR', role: 'chancellor of the exchequer' });
    expect(findPerson('Gordon Brown', '2008-03-01')[0]).toMatchObject({ office: 'head_of_government' });
    expect(findPerson('Paul Volcker', '1987-03-01')[0]).toMatchObject({ office: 'central_bank_governor', country: 'USA' });
    expect(findPerson('Charles Clarke', '2005-03-01')[0]).toMatchObject({ office: 'interior_minister', country: 'GBR' });
    expect(findPerson('Caspar Weinberger', '1986-01-01')[0]).toMatchObject({ office: 'defence_minister', country: 'USA' });
  });

  it('finds surnames with particles, family-name-first names and initials', () => {
    expect(findPerson('al-Assad', '2015-01-01', 'SYR')[0]?.person).toBe('Bashar al-Assad');
    expect(findPerson('Assad', '2015-01-01', 'SYR')[0]?.person).toBe('Bashar al-Assad');
    expect(findPerson('von der Leyen', '2021-01-01')[0]?.country).toBe('IGOEUREEC');
    expect(findPerson('Xi', '2020-01-01', 'CHN')[0]?.person).toBe('Xi Jinping');
    expect(findPerson('M. J. Zarif', '2015-01-01')[0]?.person).toBe('Mohammad Javad Zarif');
    expect(findPerson('Ali Zarif', '2015-01-01')).toEqual([]);
    // Dataset names carry both Spanish surnames: "Carlos Saul Menem Akil".
    expect(findPerson('Menem', '1995-01-01', 'ARG').map((h) => h.office)).toEqual(
      expect.arrayContaining(['head_of_state', 'head_of_government']),
    );
    expect(findPerson('Sánchez', '2019-06-01', 'ESP')[0]?.role).toBe('prime minister');
  });

  it('officesOf lists every term of a person', () => {
    const erdogan = officesOf('Recep Tayyip Erdogan');
    expect(erdogan.map((h) => h.office)).toEqual(
      expect.arrayContaining(['head_of_government', 'head_of_state', 'foreign_minister'].slice(0, 2)),
    );
    expect(erdogan[0]).toMatchObject({ role: 'prime minister', start: '2003-03-14' });
    expect(officesOf('Sergey Lavrov').some((h) => h.office === 'foreign_minister' && h.end === null)).toBe(true);
  });

  it('accepts months, years, datetimes and Dates', () => {
    expect(names(holdersOn('USA', 'head_of_state', '2021-01'))).toEqual(['Joe Biden', 'Donald Trump']);
    expect(names(holdersOn('USA', 'head_of_state', new Date(Date.UTC(2010, 5, 1))))).toEqual(['Barack Obama']);
    expect(names(holdersOn('irn', 'foreign_minister', '2020-12-09T22:13'))).toEqual(['Mohammad Javad Zarif']);
    expect(() => holdersOn('IRN', 'foreign_minister', '9 Dec 2020')).toThrow(RangeError);
  });

  it('covers the UN and NATO secretaries-general', () => {
    expect(names(holdersOn('IGOUNO', 'secretary_general', '2020-12-09'))).toEqual(['António Guterres']);
    expect(names(holdersOn('IGOWSTNAT', 'secretary_general', '2020-12-09'))).toEqual(['Jens Stoltenberg']);
  });

  it('reports vacancies as gaps, not holders', () => {
    expect(holdersOn('LBN', 'head_of_state', '2015-06-01')).toEqual([]);
    expect(gapsOn('LBN', 'head_of_state', '2015-06-01')[0]?.reason).toBe('vacant');
  });

  it('codes every term to a country the country table knows, or to a body of states', () => {
    const known = new Set(countries().all.map((c) => c.a3));
    const rows = readKnowledge('offices.tsv').split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('person\t'));
    const unknown = new Set(rows.map((l) => l.split('\t')[2]!).filter((c) => !known.has(c) && !c.startsWith('IGO')));
    expect([...unknown]).toEqual([]);
  });

  it('loads the shipped table and parses a hand-built one', () => {
    // Load time is measured by `npm run eval:entities`, not asserted here.
    const idx = loadOffices();
    expect(idx.size).toBeGreaterThan(3000);
    const tiny = new OfficesIndex(
      'person\tvariants\tcountry\toffice\trole\tstart\tend\tsource\tnotes\n' +
        'Jane Roe\tJ. Roe;Jane Doe-Roe\tXXX\thead_of_state\tqueen\t2001-05\t\tpublic record\t\n',
    );
    expect(tiny.holdersOn('XXX', 'head_of_state', '2001-05-01')[0]?.variants).toEqual(['J. Roe', 'Jane Doe-Roe']);
    expect(tiny.holdersOn('XXX', 'head_of_state', '2001-04-30')).toEqual([]);
    expect(tiny.findPerson('Doe-Roe')).toHaveLength(1);
  });
});

/** Issue 4's list: G20, the EU, the Caucasus, the Middle East, Central Asia, AFG and PAK. */
const COVERED = (
  'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA ' +
  'ARM AZE GEO IRN IRQ ISR PSE JOR LBN SYR ARE QAT KWT BHR OMN YEM EGY ' +
  'KAZ KGZ TJK TKM UZB AFG PAK IGOEUREEC'
).split(' ');
const THREE: Office[] = ['head_of_state', 'head_of_government', 'foreign_minister'];

describe('offices: coverage of the issue-4 countries', () => {
  it('has a holder for every (country, office) on a date in 2005, 2015 and 2025, or a documented gap', () => {
    const missing: string[] = [];
    for (const country of COVERED) {
      for (const office of THREE) {
        for (const date of ['2005-07-01', '2015-07-01', '2025-07-01']) {
          if (holdersOn(country, office, date).length === 0 && gapsOn(country, office, date).length === 0) {
            missing.push(`${country} ${office} ${date}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a holder or a documented gap in every year 2000–2026', () => {
    const missing: string[] = [];
    for (const country of COVERED) {
      for (const office of THREE) {
        for (let y = 2000; y <= 2026; y++) {
          if (holdersOn(country, office, `${y}`).length === 0 && gapsOn(country, office, `${y}`).length === 0) {
            missing.push(`${country} ${office} ${y}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents every gap on the 2005/2015/2025 dates with a reason', () => {
    const gaps = COVERED.flatMap((c) =>
      THREE.flatMap((o) => ['2005-07-01', '2015-07-01', '2025-07-01'].flatMap((d) => gapsOn(c, o, d))),
    );
    expect(gaps.map((g) => `${g.country} ${g.office} ${g.reason}`)).toEqual([
      'LBN head_of_state vacant',
      'IGOEUREEC head_of_state no such office',
    ]);
    expect(gaps.every((g) => g.notes.length > 0)).toBe(true);
  });

  it('never has two holders of one office in a covered country mid-year, except recorded rival authorities', () => {
    const doubled: string[] = [];
    for (const country of COVERED) {
      for (const office of THREE) {
        for (let y = 2000; y <= 2025; y++) {
          const date = `${y}-07-01`;
          const hs = holdersOn(country, office, date);
          const persons = new Set(hs.map((h) => h.person));
          const rival = hs.some((h) =>
            /Houthi|Taliban|not internationally recognised|acting|suspended|incapacitated|chief executive|adviser/i.test(
              `${h.role} ${h.notes}`,
            ),
          );
          // A handover on the day itself, or a boundary known only to the month or year.
          const boundary = hs.some(
            (h) =>
              h.start === date ||
              h.end === date ||
              (h.start.length < 10 && date.startsWith(h.start)) ||
              (h.end !== null && h.end.length < 10 && date.startsWith(h.end)),
          );
          if (boundary) continue;
          if (persons.size > 1 && !rival) doubled.push(`${country} ${office} ${y}: ${[...persons].join(' / ')}`);
        }
      }
    }
    expect(doubled).toEqual([]);
  });
});
