import { describe, expect, it } from 'vitest';
import { rng } from '../core/rng.js';
import type { ClusterInputEvent } from '../store/types.js';
import { clusterEvents, clusterId, codesMatch, dayInterval } from './cluster.js';
import { withoutInitials } from './cluster-anchors.js';

const TEHRAN = { name: 'Tehran', lat: 35.69, lon: 51.39 };
const KARAJ = { name: 'Karaj', lat: 35.83, lon: 50.94 }; // ~45 km from Tehran
const ISFAHAN = { name: 'Isfahan', lat: 32.65, lon: 51.67 }; // ~340 km

let n = 0;
function ev(over: Partial<ClusterInputEvent> = {}): ClusterInputEvent {
  n++;
  const article = over.articleKey ?? `art${n}`;
  return {
    key: `${article}:E${n}`, articleKey: article, type: 'ASSAULT', mode: null, modality: 'asserted',
    actors: ['ISR'], recipients: ['IRNMIL'], date: '2023-03-14', dateGrain: 'day', place: TEHRAN,
    publisher: `Outlet ${n}`, published: '2023-03-14T10:00', dead: null, injured: null, arrested: null, names: [], evidence: '',
    ...over,
  };
}

function groups(events: ClusterInputEvent[], dups = new Map<string, string>()): string[][] {
  return clusterEvents(events, dups).map((c) => [...c.events].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('clusterEvents', () => {
  it('joins reports of one event with country and government codes, nearby places and dates a day apart', () => {
    const a = ev({ actors: ['ISRMIL'] });
    const b = ev({ date: '2023-03-15', place: KARAJ });
    const c = ev({ recipients: [] });
    const d = ev({ place: null });
    const out = clusterEvents([a, b, c, d], new Map());
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'ASSAULT', mentions: 4, articles: 4, sources: 4, firstDate: '2023-03-14', lastDate: '2023-03-15', place: 'Tehran' });
    expect(out[0]!.actors).toEqual(['ISR', 'ISRMIL']);
    expect(out[0]!.id).toBe(clusterId([a.key, b.key, c.key, d.key].sort()[0]!));
    expect(out[0]!.id).toMatch(/^C[0-9a-f]{16}$/);
  });

  it('keeps apart different recipients, far places, other types and dates beyond the window', () => {
    const base = ev();
    const others = [ev({ recipients: ['SAUGOV'] }), ev({ place: ISFAHAN }), ev({ type: 'COERCE' }), ev({ date: '2023-03-18' }), ev({ actors: ['USA'] })];
    expect(groups([base, ...others])).toHaveLength(6);
  });

  it('joins a year-grain date only with another of that year, a month-grain date with the days of its month', () => {
    const out = groups([ev({ date: '2023' }), ev({ date: '2023' }), ev({ date: '2023-03' }), ev()]);
    expect(out.map((g) => g.length).sort()).toEqual([2, 2]);
  });

  it('never joins a denial or a threat with the claim', () => {
    const out = groups([ev(), ev({ modality: 'negated' }), ev({ modality: 'hypothetical' }), ev({ modality: 'alleged' })]);
    expect(out.map((g) => g.length).sort()).toEqual([1, 1, 2]);
  });

  it('lets an event without actors join only on the same place and day', () => {
    const full = ev();
    const sameSpot = ev({ actors: [], date: '2023-03-14' });
    const nearby = ev({ actors: [], place: KARAJ });
    const undatedPlace = ev({ actors: [], place: null });
    const out = groups([full, sameSpot, nearby, undatedPlace]);
    expect(out.find((g) => g.includes(full.key))!.sort()).toEqual([full.key, sameSpot.key].sort());
  });

  it('does not chain day after day into one long cluster', () => {
    const days = ['2023-03-10', '2023-03-11', '2023-03-12', '2023-03-13', '2023-03-14', '2023-03-15', '2023-03-16'];
    const out = clusterEvents(days.map((date) => ev({ date })), new Map());
    for (const c of out) {
      const span = dayInterval(c.lastDate!)!.hi - dayInterval(c.firstDate!)!.lo;
      expect(span).toBeLessThanOrEqual(2);
    }
    expect(out.length).toBeGreaterThanOrEqual(3);
  });

  it('reads met-with both ways for symmetric types', () => {
    const a = ev({ type: 'CONSULT', actors: ['ARMGOV'], recipients: ['GEOGOV'] });
    const b = ev({ type: 'CONSULT', actors: ['GEO'], recipients: ['ARM'] });
    const c = ev({ type: 'CONSULT', actors: ['ARMGOV'], recipients: ['TURGOV'] });
    expect(groups([a, b, c]).map((g) => g.length).sort()).toEqual([1, 2]);
  });

  it('counts a duplicate article once and a missing publisher by article', () => {
    const a = ev({ articleKey: 'orig', publisher: 'Reuters' });
    const b = ev({ articleKey: 'copy', publisher: 'Daily Star' });
    const c = ev({ articleKey: 'x', publisher: null });
    const d = ev({ articleKey: 'y', publisher: null });
    const e = ev({ articleKey: 'orig', publisher: 'Reuters' });
    const [cl] = clusterEvents([a, b, c, d, e], new Map([['copy', 'orig']]));
    expect(cl).toMatchObject({ mentions: 5, articles: 3, sources: 4 });
  });

  it('gives every event a cluster and the same clusters whatever the input order', () => {
    const evs = [ev(), ev({ date: '2023-03-15' }), ev({ recipients: ['SAUGOV'] }), ev({ date: null, published: null }), ev({ type: 'PROTEST', actors: [], place: null })];
    const out = clusterEvents(evs, new Map());
    expect(out.flatMap((c) => c.events).sort()).toEqual(evs.map((e) => e.key).sort());
    for (let r = 0; r < 5; r++) expect(clusterEvents([...evs].reverse().sort(() => Math.random() - 0.5), new Map())).toEqual(out);
  });

  it('keeps events that agree on date, place and sides together: removing the twins changes no cluster', () => {
    // A small pool of features makes twins common; ties between costs are everywhere.
    const rand = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const actors = [['ISR'], ['ISRMIL'], ['IRN'], [], ['name:protesters']];
    const recipients = [['IRNMIL'], ['IRN'], [], ['ISRGOV']];
    for (const type of ['ASSAULT', 'CONSULT'] as const) {
      const evs = Array.from({ length: 1000 }, () => ev({
        type, actors: pick(actors), recipients: pick(recipients), date: pick(['2023-03-14', '2023-03-15', '2023-03-17', '2023-03', null]),
        place: pick([TEHRAN, KARAJ, ISFAHAN, null]),
      }));
      const twinOf = new Map<string, string>();
      const firstOf = new Map<string, string>();
      // The first of a class by key: keys break ties between equal costs.
      for (const e of [...evs].sort((a, b) => (a.key < b.key ? -1 : 1))) {
        const k = JSON.stringify([e.actors, e.recipients, e.date, e.place]);
        const first = firstOf.get(k);
        if (first === undefined) firstOf.set(k, e.key);
        else twinOf.set(e.key, first);
      }
      expect(twinOf.size).toBeGreaterThan(500);
      const all = clusterEvents(evs, new Map());
      const heads = clusterEvents(evs.filter((e) => !twinOf.has(e.key)), new Map());
      // Each twin goes where its first twin went, unless twins may not join at all (no
      // actors, and no place or no exact day) ...
      const clusterOf = new Map(all.flatMap((c) => c.events.map((k) => [k, c.id] as const)));
      const byKey = new Map(evs.map((e) => [e.key, e]));
      // ... and share an anchor with each other: here (no names, no wording) a place, a dated
      // dyad, or an attack between two states on its report's day (no dyad of this pool is
      // reported on over half the days of its span, so none is busy).
      const stateDyad = (e: ClusterInputEvent): boolean =>
        [...e.actors, ...e.recipients].every((c) => !c.startsWith('name:')) && e.actors.some((a) => e.recipients.some((r) => a.slice(0, 3) !== r.slice(0, 3)));
      const joinable = (e: ClusterInputEvent): boolean => {
        const exact = e.date?.length === 10;
        const sides = e.actors.length > 0 || (e.place !== null && exact);
        return sides && (e.place !== null || (exact && e.actors.length > 0 && e.recipients.length > 0) || (e.type === 'ASSAULT' && e.date === null && stateDyad(e)));
      };
      for (const [twin, head] of twinOf) {
        if (joinable(byKey.get(head)!)) expect(clusterOf.get(twin)).toBe(clusterOf.get(head));
        else expect(clusterOf.get(twin)).not.toBe(clusterOf.get(head));
      }
      const withoutTwins = (cs: typeof all): string[] => cs.map((c) => c.events.filter((k) => !twinOf.has(k)).sort().join(' ')).filter(Boolean).sort();
      expect(withoutTwins(all)).toEqual(withoutTwins(heads));
    }
  });

  it('does not join reports that share only codes: a named participant, the wording, a town or a dated dyad must match', () => {
    // One actor code, one type, one publication day, no place: three things the US government did.
    const undated: Partial<ClusterInputEvent> = { actors: ['USAGOV'], recipients: [], date: null, dateGrain: null, place: null, published: '1987-03-20T12:00' };
    const fda = ev({ ...undated, names: [{ name: 'Food and Drug Administration', type: 'ORG', country: 'USA', sector: 'GOV' }], evidence: 'On Friday, the Food and Drug Administration approved the drug for wide clinical use.' });
    const reagan = ev({ ...undated, names: [{ name: 'Ronald Reagan', type: 'PERSON', country: 'USA', sector: 'GOV' }], evidence: 'Fitzwater said Reagan supported the right of states to raise the highway speed limit.' });
    const fed = ev({ ...undated, names: [{ name: 'United States', type: 'GPE', country: 'USA', sector: null }], evidence: 'The Fed supports this pattern of exchange rates, Johnson said.' });
    expect(groups([fda, reagan, fed])).toHaveLength(3);
    // A second report naming Reagan, and a wire copy of the FDA sentence, each join their event.
    const reagan2 = ev({ ...undated, names: [{ name: 'Ronald Reagan', type: 'PERSON', country: 'USA', sector: 'GOV' }], evidence: 'The president backs higher speed limits on rural highways, the White House said.' });
    const fdaCopy = ev({ ...undated, names: [{ name: 'Food and Drug Administration', type: 'ORG', country: 'USA', sector: 'GOV' }], evidence: 'The Food and Drug Administration on Friday approved the drug for wide clinical use, the company said.' });
    const out = groups([fda, reagan, fed, reagan2, fdaCopy]);
    expect(out).toHaveLength(3);
    expect(out).toContainEqual([reagan.key, reagan2.key].sort());
    expect(out).toContainEqual([fda.key, fdaCopy.key].sort());
  });

  it('takes a state organ\'s name or a country as a place for no more than the code says', () => {
    const congress = { name: 'Congress', type: 'ORG', country: 'USA', sector: 'LEG' };
    const base: Partial<ClusterInputEvent> = { actors: ['USAGOV'], recipients: ['USALEG'], date: null, dateGrain: null, published: '1987-03-17T12:00' };
    const usa = { name: 'United States', lat: 39.8, lon: -98.6 };
    const a = ev({ ...base, place: usa, names: [congress], evidence: 'Treasury Secretary James Baker urged Congress to support the development banks.' });
    const b = ev({ ...base, place: usa, names: [congress], evidence: 'The White House asked Congress for 2.5 billion dollars to fight acid rain.' });
    expect(groups([a, b])).toHaveLength(2);
    // So is the government of a body of states.
    const commission = { name: 'EC Commission', type: 'ORG', country: null, sector: 'GOV' };
    const ec = { ...base, actors: ['IGOGOV'], recipients: [], place: null, names: [commission] };
    expect(groups([ev({ ...ec, evidence: 'Delegates of the EC Commission met briefly this morning on the cocoa buffer stock.' }), ev({ ...ec, evidence: 'The EC Commission is keen to negotiate with Tokyo on trade.' })])).toHaveLength(2);
    // A firm is named by few events: two reports naming it are one event's.
    const firm = { name: 'CTS Corp', type: 'ORG', country: 'USA', sector: 'BUS' };
    const c = ev({ ...base, actors: ['name:cts corp'], recipients: [], place: null, names: [firm], evidence: 'CTS stopped soliciting offers to buy the company.' });
    const d = ev({ ...base, actors: ['name:cts corp'], recipients: [], place: null, names: [firm], evidence: 'The board committee of CTS has ended its search for a buyer.' });
    expect(groups([c, d])).toHaveLength(1);
    // So is a body of no one state.
    const council = { name: 'Security Council', type: 'ORG', country: null, sector: 'DIP' };
    const e = ev({ ...base, actors: ['UNODIP'], recipients: [], place: null, names: [council], evidence: 'Members of the Security Council met behind closed doors on Monday.' });
    const f = ev({ ...base, actors: ['UNODIP'], recipients: [], place: null, names: [{ ...council, name: 'U.N. Security Council' }], evidence: 'Security Council calls talks after Gulf attack.' });
    expect(groups([e, f])).toHaveLength(1);
  });

  it('takes a name that events of the type carry on many days as routine: it anchors only with a second shared name', () => {
    const reagan = { name: 'Reagan', type: 'PERSON', country: 'USA', sector: 'GOV' };
    const gorbachev = { name: 'Mikhail Gorbachev', type: 'PERSON', country: 'SUN', sector: 'GOV' };
    const meeting = (day: number, names = [reagan], evidence = `Meeting number ${day}.`): ClusterInputEvent =>
      ev({ type: 'CONSULT', actors: ['USAGOV'], recipients: [], place: null, date: null, dateGrain: null, published: `1987-03-${String(day).padStart(2, '0')}T12:00`, names, evidence });
    const daily = Array.from({ length: 10 }, (_, i) => meeting(i + 1));
    const a = meeting(20, [reagan], 'Reagan met House Republicans in the Capitol.');
    const b = meeting(20, [reagan], 'Bolivia proposes an Andean summit with the president.');
    const out = groups([...daily, a, b]);
    expect(out.find((g) => g.includes(a.key))).toEqual([a.key]);
    const c = meeting(25, [reagan, gorbachev], 'The two leaders began their talks in Geneva.');
    const d = meeting(25, [gorbachev, reagan].sort((x, y) => (x.name < y.name ? -1 : 1)), 'A summit of superpower leaders opened on the lake shore.');
    expect(groups([...daily, c, d])).toContainEqual([c.key, d.key].sort());
    // Without the days of routine, one shared name is enough.
    expect(groups([a, b])).toHaveLength(1);
  });

  it('joins two sayings of one named person only when they share what was said, besides the names', () => {
    const baker = { name: 'James Baker', type: 'PERSON', country: 'USA', sector: 'GOV' };
    const said = (evidence: string): ClusterInputEvent =>
      ev({ type: 'REQUEST', actors: ['USAGOV'], recipients: [], place: null, date: null, dateGrain: null, published: '1987-03-23T12:00', names: [baker], evidence });
    const banks = said('Treasury Secretary James Baker urged commercial banks to be open to new ideas for reducing the debt burden.');
    const iadb = said('"We do not believe it is unreasonable to ask for a change," Baker said of the voting rules of the development bank.');
    const banks2 = said('Baker called on commercial banks to consider new ideas on the debt burden of poorer countries.');
    const out = groups([banks, iadb, banks2]);
    expect(out).toContainEqual([banks.key, banks2.key].sort());
    expect(out).toContainEqual([iadb.key]);
    // A meeting is one occasion per name and day: the name is enough.
    const met = (evidence: string): ClusterInputEvent => ({ ...said(evidence), type: 'CONSULT' });
    expect(groups([met('Baker met Japan\'s finance minister in Washington.'), met('The Treasury chief held talks on currencies.')])).toHaveLength(1);
  });

  it('joins reports that recall a past act by the same date, named or not, and not acts of the reports\' own days', () => {
    const suspension = (published: string, evidence: string, date = '1987-02-20'): ClusterInputEvent =>
      ev({ type: 'SANCTION', actors: ['BRA'], recipients: [], place: null, date, dateGrain: 'day', published: `${published}T12:00`, names: [], evidence });
    const a = suspension('1987-03-19', 'The company cited Brazil\'s Feb 20 suspension of interest payments on medium and long-term loans.');
    const b = suspension('1987-04-08', 'Brazil suspended interest payments on 68 billion dlrs of debt on February 20, reducing the bank\'s net income.');
    expect(groups([a, b])).toHaveLength(1);
    // The same kind of act on the reports' own days, worded differently, is not recalled.
    const c = suspension('1987-02-21', 'Brazil froze payments on its trade credit lines, officials said.', '1987-02-20');
    const d = suspension('1987-02-21', 'Brazil halted transfers on loans from foreign banks and institutions.', '1987-02-20');
    expect(groups([c, d])).toHaveLength(2);
    // A month recalled by both counts as the same date; a month and a day in it do not.
    const e = suspension('1987-04-02', 'Brazil in February stopped paying interest to its creditor banks.', '1987-02');
    const f = suspension('1987-03-30', 'Brazil last month suspended interest on its foreign bank debt.', '1987-02');
    expect(groups([e, f])).toHaveLength(1);
    expect(groups([a, e])).toHaveLength(2);
  });

  it('joins two reports of an attack between states that seldom fight on their report day, and not in a war reported day after day', () => {
    const strike = (published: string, evidence: string, over: Partial<ClusterInputEvent> = {}): ClusterInputEvent =>
      ev({ actors: ['USA'], recipients: ['IRN'], place: null, date: null, dateGrain: null, published: `${published}T12:00`, names: [], evidence, ...over });
    const a = strike('1987-10-19', 'France voiced its comprehension for a U.S. attack on an Iranian target.');
    const b = strike('1987-10-19', 'Japan said it understood why the U.S. took military action.', { actors: ['USAMIL'] });
    expect(groups([a, b])).toHaveLength(1);
    // A month says no day.
    expect(groups([a, strike('1987-10-19', 'U.S. forces sank an Iranian ship earlier this month.', { date: '1987-10', dateGrain: 'month' })])).toHaveLength(2);
    // Other acts than attacks need more than codes.
    expect(groups([{ ...a, type: 'SANCTION' }, { ...b, type: 'SANCTION' }])).toHaveLength(2);
    // A war: attacks between the two on three days of four. Two reports of one day are two attacks.
    const war = ['1987-04-01', '1987-04-02', '1987-04-04'].map((d) => strike(d, `Iraqi artillery shelled Iranian positions on ${d}.`, { actors: ['IRQ'] }));
    const c = strike('1987-04-04', 'Iraq said its forces repulsed an Iranian attack.', { actors: ['IRQ'] });
    expect(groups([...war, c]).find((g) => g.includes(c.key))).toEqual([c.key]);
    expect(groups([war[2]!, c])).toHaveLength(1);
  });

  it('takes a participant named with and without a middle initial for one', () => {
    const resigned = (name: string, evidence: string): ClusterInputEvent =>
      ev({ type: 'RETREAT', actors: [`name:${name.toLowerCase()}`], recipients: [], place: null, date: null, dateGrain: null, published: '1987-03-19T12:00', names: [{ name, type: 'ORG', country: null, sector: null }], evidence });
    const a = resigned('Boyd L. Jefferies', 'Jefferies Group Inc said founder and chairman Boyd L. Jefferies has resigned.');
    const b = resigned('Boyd Jefferies', 'Yesterday Boyd Jefferies, chairman of the brokerage firm bearing his name, stepped down.');
    expect(groups([a, b])).toHaveLength(1);
    expect(groups([a, resigned('Boyd Smith', 'Boyd Smith, chairman of a brokerage, stepped down.')])).toHaveLength(2);
    expect(withoutInitials('George H. W. Bush')).toBe('George Bush');
    expect(withoutInitials('J. Smith')).toBe('J. Smith');
  });

  it('leaves events that can join nothing alone, however many agree', () => {
    const lonely = Array.from({ length: 5 }, () => ev({ actors: [], place: null }));
    expect(groups(lonely)).toHaveLength(5);
  });

  it('clusters one day of 20,000 reports of a few events without comparing every pair', () => {
    // 20,000 events of one type on one day: pair by pair, 200 million comparisons.
    const evs = Array.from({ length: 20_000 }, (_, i) => ev({ actors: [['ISR', 'IRN', 'USA', 'RUS'][i % 4]!], recipients: [] }));
    const out = clusterEvents(evs, new Map());
    expect(out.map((c) => c.mentions)).toEqual([5000, 5000, 5000, 5000]);
  });

  it('rejects an event key given twice', () => {
    const a = ev();
    expect(() => clusterEvents([a, { ...a }], new Map())).toThrow(/appears twice/);
  });
});

describe('helpers', () => {
  it('matches a country code with codes of that country only', () => {
    expect(codesMatch('IRN', 'IRNGOV')).toBe(true);
    expect(codesMatch('IRNGOV', 'IRNMIL')).toBe(false);
    expect(codesMatch('IRN', 'IRQGOV')).toBe(false);
  });

  it('reads days, months and years as intervals', () => {
    expect(dayInterval('2023-03')!.hi - dayInterval('2023-03')!.lo).toBe(30);
    expect(dayInterval('2024')!.hi - dayInterval('2024')!.lo).toBe(365);
    expect(dayInterval('2023-03-14T22:00+03:00')).toEqual(dayInterval('2023-03-14'));
    expect(dayInterval('soon')).toBeNull();
  });
});
