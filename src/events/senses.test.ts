import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';
import { parseSenses } from './senses.js';

const ent = (name: string, type: EntSpec['type'] = 'PERSON'): EntSpec => ({ name, type, country: null, surfaces: [name] });
/** A country named by its name, coded as such. */
const gpe = (name: string, country: string): EntSpec => ({ name, type: 'GPE', country, surfaces: [name] });
const types = (tagged: string, ents: EntSpec[]): string[] => codeDoc(build([tagged], ents).doc).events.map((e) => e.type);

describe('other senses of violent triggers (knowledge/events/senses.tsv)', () => {
  it('reads staff fired as a dismissal, and fire on people as an attack', () => {
    const firm: EntSpec = { name: 'WeWork', type: 'ORG', country: 'USA', sector: 'BUS', surfaces: ['WeWork'] };
    expect(types('WeWork/NNP fired/VBD 2,400/CD staff/NNS on/IN Thursday/NNP ./.', [firm])).toEqual([]);
    const police: EntSpec = { name: 'Iranian police', type: 'ORG', country: 'IRN', sector: 'COP', surfaces: ['Iranian police'] };
    expect(types('Iranian/JJ police/NNS fired/VBD on/IN protesters/NNS on/IN Thursday/NNP ./.', [police])).toEqual(['ASSAULT']);
  });

  it('reads an army taking to the streets as a deployment, and internally displaced persons as no expulsion', () => {
    const pla: EntSpec = { name: "People's Liberation Army", type: 'ORG', country: 'CHN', sector: 'MIL', surfaces: ["People 's Liberation Army"] };
    expect(types("The/DT People/NNP 's/POS Liberation/NNP Army/NNP took/VBD to/TO the/DT streets/NNS ./.", [pla])).toEqual(['MOBILIZE']);
    const us = gpe('United States', 'USA');
    expect(types('The/DT United/NNP States/NNP supports/VBZ movements/NNS of/IN internally/RB displaced/VBN persons/NNS ./.', [us])).toEqual(['SUPPORT']);
  });

  it('reads a strike by organised labour as a walkout, and a strike by a state as an attack', () => {
    const unions: EntSpec = { name: 'Chilean trade unions', type: 'ORG', country: 'CHL', sector: 'LAB', surfaces: ['Chilean trade unions'] };
    const workers: EntSpec = { name: 'bank workers', type: 'ORG', country: null, surfaces: ['bank workers'] };
    expect(types('Chilean/JJ trade/NN unions/NNS launched/VBD strikes/NNS ./.', [unions])).toEqual(['PROTEST']);
    expect(types('bank/NN workers/NNS struck/VBD on/IN Monday/NNP ./.', [workers])).toEqual(['PROTEST']);
    const state = gpe('Soviet Union', 'SUN');
    expect(types('The/DT Soviet/NNP Union/NNP struck/VBD Afghan/JJ villages/NNS ./.', [state])).toEqual(['ASSAULT']);
  });

  it('reads a firm, a team or a product that hits, beats or fights as a figure of speech, unless a weapon is named', () => {
    expect(types('Novartis/NNP hits/VBZ acquisition/NN trail/NN', [ent('Novartis', 'ORG')])).toEqual([]);
    expect(types('Chelsea/NNP beat/VBD Portsmouth/NNP on/IN Sunday/NNP ./.', [ent('Chelsea', 'ORG'), ent('Portsmouth', 'ORG')])).toEqual([]);
    expect(types('Joss/NNP Stone/NNP beat/VBD Dizzee/NNP Rascal/NNP to/TO the/DT award/NN ./.', [ent('Joss Stone'), ent('Dizzee Rascal')])).toEqual([]);
    const iraq = gpe('Iraq', 'IRQ');
    expect(types('Iraq/NNP hit/VBD a/DT vessel/NN in/IN the/DT Gulf/NNP ./.', [iraq])).toEqual(['ASSAULT']);
    // A people named by its nation is no private party, though the entities stage gave it no country.
    expect(types('Ethnic/JJ Albanians/NNPS attacked/VBD a/DT police/NN station/NN ./.', [ent('Albanians', 'ORG')])).toEqual(['ASSAULT']);
    expect(types('An/DT Exocet/NNP missile/NN strike/NN hit/VBD the/DT ship/NN ./.', [ent('Exocet', 'MISC')])).toContain('ASSAULT');
  });

  it('reads a question put in a speech, an inference with "must be" and a firm seeking a stake as no request', () => {
    const man = ent('Adam Vaughan');
    expect(types('"/`` Why/WRB build/VB your/PRP$ own/JJ grid/NN ?/. "/\'\' he/PRP asked/VBD ./.', [man])).toEqual([]);
    expect(types('"/`` Will/MD it/PRP last/VB ?/. ,/, "/\'\' asked/VBD Adam/NNP Vaughan/NNP ./.', [man])).toEqual([]);
    expect(types('Adam/NNP Vaughan/NNP asked/VBD Iran/NNP to/TO withdraw/VB ./.', [man, ent('Iran', 'GPE')])).toEqual(['REQUEST']);
    const russia = gpe('Russia', 'RUS');
    const sudan = gpe('Sudan', 'SDN');
    expect(types('Russia/NNP said/VBD Sudan/NNP must/MD be/VB wondering/VBG ./.', [russia, sudan])).toEqual([]);
    expect(types('Russia/NNP said/VBD Sudan/NNP must/MD be/VB flexible/JJ ./.', [russia, sudan])).toEqual(['REQUEST']);
    expect(types('Russia/NNP said/VBD Sudan/NNP must/MD be/VB punished/VBN ./.', [russia, sudan])).toEqual(['REQUEST']);
    // What a leader says his own state must do is policy, asked of no other party.
    const zhao: EntSpec = { name: 'Zhao Ziyang', type: 'PERSON', country: 'CHN', surfaces: ['Zhao'] };
    expect(types('Zhao/NNP said/VBD China/NNP must/MD expand/VB the/DT market/NN ./.', [zhao, gpe('China', 'CHN')])).toEqual([]);
    expect(types('Zhao/NNP said/VBD Sudan/NNP must/MD expand/VB the/DT market/NN ./.', [zhao, sudan])).toEqual(['REQUEST']);
    expect(types('Acme/NNP Corp/NNP is/VBZ seeking/VBG a/DT stake/NN in/IN Widget/NNP ./.', [ent('Acme Corp', 'ORG')])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP ordered/VBD 30/CD planes/NNS ./.', [ent('Acme Corp', 'ORG')])).toEqual([]);
  });

  it('reads a show hosted, a theatre visited, a currency supported and opposition met as no meeting or backing', () => {
    const man = ent('Edward Fox');
    expect(types('Edward/NNP Fox/NNP will/MD host/VB the/DT lunchtime/NN show/NN ./.', [man])).toEqual([]);
    expect(types('Edward/NNP Fox/NNP visited/VBD the/DT theatre/NN ./.', [man])).toEqual([]);
    expect(types('Edward/NNP Fox/NNP met/VBD opposition/NN from/IN the/DT Liberals/NNPS ./.', [man, ent('Liberals', 'ORG')])).toEqual([]);
    const japan = gpe('Japan', 'JPN');
    expect(types('Japan/NNP intervened/VBD to/TO support/VB the/DT dollar/NN ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP supported/VBD the/DT ceasefire/NN ./.', [japan])).toEqual(['SUPPORT']);
    // The guest must be coded by country or sector, as the entities stage codes a nation's adjective.
    const iraqi: EntSpec = { name: 'Iraqi', type: 'NORP', country: 'IRQ', surfaces: ['Iraqi'] };
    expect(types('Japan/NNP hosted/VBD the/DT Iraqi/JJ foreign/JJ minister/NN ./.', [japan, iraqi])).toContain('CONSULT');
    expect(types('Japan/NNP hosted/VBD the/DT Iraqi/JJ foreign/JJ minister/NN ./.', [japan, ent('Iraqi', 'NORP')])).toEqual([]);
  });

  it('reads a price charged and a loan charged off as no accusation', () => {
    const sky = ent('Sky', 'ORG');
    expect(types('Sky/NNP charges/VBZ a/DT subscription/NN fee/NN ./.', [sky])).toEqual([]);
    expect(types('Sky/NNP charged/VBD off/RP 20/CD mln/CD dlrs/NNS ./.', [sky])).toEqual([]);
    const japan = gpe('Japan', 'JPN');
    expect(types('Japan/NNP charged/VBD Sky/NNP with/IN fraud/NN ./.', [japan, sky])).toEqual(['ACCUSE']);
    expect(types('Sky/NNP is/VBZ not/RB charging/VBG for/IN the/DT service/NN ./.', [sky])).toEqual([]);
    expect(types('Japan/NNP raised/VBD the/DT prices/NNS it/PRP charged/VBD ./.', [japan])).toEqual([]);
    // An accusation is anyone's, not a state's alone.
    expect(types('Sky/NNP charged/VBD that/IN Japan/NNP had/VBD lied/VBN ./.', [sky, japan])).toEqual(['ACCUSE']);
  });

  it("reads a firm's own meeting and an objective met as no meeting, and a body of states' annual meeting as one", () => {
    const ford: EntSpec = { name: 'Ford', type: 'ORG', country: 'USA', sector: 'BUS', surfaces: ['Ford'] };
    expect(types("Ford/NNP 's/POS annual/JJ meeting/NN is/VBZ tomorrow/NN ./.", [ford])).toEqual([]);
    expect(types('Ford/NNP met/VBD its/PRP$ main/JJ objectives/NNS ./.', [ford])).toEqual([]);
    const adb: EntSpec = { name: 'Asian Development Bank', type: 'ORG', country: null, sector: 'DEV', code: 'IGODEV', surfaces: ['Asian Development Bank'] };
    expect(types("The/DT Asian/NNP Development/NNP Bank/NNP 's/POS annual/JJ meeting/NN ended/VBD ./.", [adb])).toEqual(['CONSULT']);
  });

  it('reads a market rate, a market quote and liquidity offered as no offer to cooperate', () => {
    const ghana = gpe('Ghana', 'GHA');
    expect(types('Ghana/NNP was/VBD offering/VBG at/IN 1,460/CD stg/NN a/DT tonne/NN ./.', [ghana])).toEqual([]);
    expect(types('Ghana/NNP offered/VBD liquidity/NN to/TO the/DT market/NN ./.', [ghana])).toEqual([]);
    const london = gpe('London', 'GBR');
    expect(types('It/PRP pays/VBZ 10/CD points/NNS over/IN the/DT London/NNP interbank/NN offered/VBN rate/NN ./.', [london])).toEqual([]);
    const peru = gpe('Peru', 'PER');
    expect(types('Ghana/NNP offered/VBD wheat/NN to/TO Peru/NNP ./.', [ghana, peru])).toEqual(['AGREE']);
  });

  it('reads an economy or a market held up, helped or supplied as no backing and no aid', () => {
    const japan = gpe('Japan', 'JPN');
    const peru = gpe('Peru', 'PER');
    expect(types('Japan/NNP will/MD support/VB the/DT economy/NN ./.', [japan])).toEqual([]);
    expect(types('Prices/NNS were/VBD supported/VBN by/IN Japan/NNP ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP cannot/MD help/VB but/CC wonder/VB ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP might/MD supply/VB the/DT Peruvian/JJ market/NN ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP supported/VBD Peru/NNP ./.', [japan, peru])).toEqual(['SUPPORT']);
  });

  it('reads a cause blamed, a cost met, a press conference, a talk to reporters and a board meeting as no accusation and no meeting', () => {
    const ba: EntSpec = { name: 'British Airways', type: 'ORG', country: 'GBR', sector: 'BUS', surfaces: ['British Airways'] };
    expect(types('British/NNP Airways/NNP blamed/VBD high/JJ fuel/NN prices/NNS for/IN the/DT drop/NN ./.', [ba])).toEqual([]);
    expect(types('The/DT cost/NN will/MD be/VB met/VBN by/IN British/NNP Airways/NNP ./.', [ba])).toEqual([]);
    expect(types('British/NNP Airways/NNP will/MD meet/VB the/DT press/NN ./.', [ba])).toEqual([]);
    const minister = ent('Dilson Funaro');
    expect(types('Talking/VBG to/TO reporters/NNS ,/, Dilson/NNP Funaro/NNP said/VBD so/RB ./.', [minister])).toEqual([]);
    const b = build(['Dilson/NNP Funaro/NNP talked/VBD to/TO China/NNP about/IN debt/NN ./.'], [minister, gpe('China', 'CHN')]);
    expect(codeDoc(b.doc).events.map((e) => [e.type, e.recipient])).toEqual([['CONSULT', [b.ids.get('China')]]]);
    const china = gpe('China', 'CHN');
    const lawmakers: EntSpec = { name: 'US lawmakers', type: 'ORG', country: 'USA', sector: 'LEG', surfaces: ['US lawmakers'] };
    expect(types('US/NNP lawmakers/NNS blame/VBP China/NNP for/IN lost/VBN jobs/NNS ./.', [lawmakers, china])).toEqual(['ACCUSE']);
  });

  it('reads a question put to a speaker and a candidacy sought as no request', () => {
    const man = ent('Adam Vaughan');
    const japan = gpe('Japan', 'JPN');
    expect(types('Asked/VBN about/IN the/DT fall/NN ,/, Adam/NNP Vaughan/NNP said/VBD prices/NNS would/MD rise/VB ./.', [man])).toEqual([]);
    // The tagger's past tense for the same participle.
    const askedPast = build(['Asked/VBD to/TO comment/VB ,/, Adam/NNP Vaughan/NNP said/VBD prices/NNS would/MD rise/VB ./.'], [man],
      { deps: [[[6, 'advcl'], [2, 'mark'], [0, 'xcomp'], [0, 'punct'], [6, 'nsubj'], [4, 'flat'], [-1, 'root'], [9, 'nsubj'], [9, 'aux'], [6, 'ccomp'], [6, 'punct']]] });
    expect(codeDoc(askedPast.doc).events.filter((e) => e.type === 'REQUEST')).toEqual([]);
    expect(types('Adam/NNP Vaughan/NNP will/MD not/RB seek/VB reelection/NN ./.', [man])).toEqual([]);
    expect(types('Adam/NNP Vaughan/NNP asked/VBD Japan/NNP to/TO withdraw/VB ./.', [man, japan])).toEqual(['REQUEST']);
  });

  it('reads a forecast reported before "X warned" as no threat, unless it names a condition or a retribution', () => {
    const eu: EntSpec = { name: 'European Union', type: 'ORG', country: null, sector: 'IGO', surfaces: ['EU'] };
    expect(types('Growth/NN may/MD slow/VB next/JJ year/NN ,/, the/DT EU/NNP warned/VBD ./.', [eu])).toEqual([]);
    expect(types('Growth/NN will/MD slow/VB if/IN rates/NNS rise/VBP ,/, the/DT EU/NNP warned/VBD ./.', [eu])).toEqual(['THREATEN']);
    expect(types('Laggards/NNS could/MD face/VB sanctions/NNS ,/, the/DT EU/NNP warned/VBD ./.', [eu])).toEqual(['THREATEN']);
  });

  it('reads a shot blasted as no criticism, and a policy blasted by anyone as one', () => {
    const player = ent('Frank Lampard');
    expect(types('Frank/NNP Lampard/NNP blasted/VBD the/DT ball/NN home/RB ./.', [player])).toEqual([]);
    expect(types('Frank/NNP Lampard/NNP blasted/VBD away/RP the/DT competition/NN ./.', [player])).toEqual([]);
    const japan = gpe('Japan', 'JPN');
    expect(types('Frank/NNP Lampard/NNP blasted/VBD Japan/NNP ./.', [player, japan])).toEqual(['ACCUSE']);
  });

  it('reads a firm supplying or taking over, a player pulling out and a market supplied as no aid, seizure, retreat or concession', () => {
    const boeing: EntSpec = { name: 'Boeing', type: 'ORG', country: 'USA', sector: 'BUS', surfaces: ['Boeing'] };
    expect(types('Boeing/NNP will/MD supply/VB Japan/NNP Airlines/NNPS with/IN 50/CD planes/NNS ./.', [boeing, ent('Japan Airlines', 'ORG')])).toEqual([]);
    expect(types('Boeing/NNP took/VBD over/RP McDonnell/NNP Douglas/NNP ./.', [boeing, ent('McDonnell Douglas', 'ORG')])).toEqual([]);
    expect(types('Boeing/NNP provided/VBD relief/NN to/TO the/DT flood/NN victims/NNS ./.', [boeing])).toEqual(['AID']);
    expect(types('Andre/NNP Agassi/NNP pulled/VBD out/RP of/IN the/DT Kooyong/NNP Classic/NNP ./.', [ent('Andre Agassi')])).toEqual([]);
    expect(types('Boeing/NNP will/MD build/VB a/DT plant/NN to/TO meet/VB demand/NN ./.', [boeing])).toEqual([]);
    const usa = gpe('United States', 'USA');
    expect(types('The/DT United/NNP States/NNPS will/MD supply/VB arms/NNS to/TO the/DT rebels/NNS ./.', [usa])).toEqual(['AID']);
  });

  it('reads trade between private parties as no accord, and the same words of a state as one', () => {
    const firm = ent('Acme Corp', 'ORG');
    expect(types('Acme/NNP Corp/NNP agreed/VBD to/TO buy/VB Widget/NNP Ltd/NNP ./.', [firm, ent('Widget Ltd', 'ORG')])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP agreed/VBD to/TO provide/VB bridge/NN financing/NN ./.', [firm])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP agreed/VBD to/TO be/VB acquired/VBN ./.', [firm])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP offered/VBD 40/CD dlrs/NNS a/DT share/NN ./.', [firm])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP entered/VBD into/IN a/DT standstill/NN agreement/NN ./.', [firm])).toEqual([]);
    const iran = gpe('Iran', 'IRN');
    expect(types('Iran/NNP agreed/VBD to/TO buy/VB grain/NN from/IN Canada/NNP ./.', [iran, gpe('Canada', 'CAN')])).toEqual(['AGREE']);
    // A firm's promise in public life stays an accord.
    expect(types('Acme/NNP Corp/NNP agreed/VBD to/TO pay/VB compensation/NN to/TO the/DT victims/NNS ./.', [firm])).toContain('AGREE');
  });

  it('reads "help" before a verb as a purpose served, and "help" a party as aid', () => {
    const chile = ent('Chile', 'GPE');
    expect(types('Chile/NNP helped/VBD boost/VB profits/NNS ./.', [chile])).toEqual([]);
    expect(types('Chile/NNP wants/VBZ to/TO help/VB to/TO resolve/VB the/DT row/NN ./.', [chile])).toEqual([]);
    expect(types('Chile/NNP helped/VBD Peru/NNP overcome/VB its/PRP$ debts/NNS ./.', [chile, ent('Peru', 'GPE')])).toEqual(['AID']);
  });

  it('reads a product released, a thing received and a reception as no event', () => {
    const firm = ent('Nintendo', 'ORG');
    expect(types('Nintendo/NNP released/VBD a/DT new/JJ console/NN ./.', [firm])).toEqual([]);
    expect(types('Nintendo/NNP received/VBD a/DT reassuring/JJ response/NN from/IN Sony/NNP ./.', [firm, ent('Sony', 'ORG')])).toEqual([]);
    expect(types('The/DT game/NN was/VBD well/RB received/VBN by/IN Nintendo/NNP ./.', [firm])).toEqual([]);
    // A visit is a state's: a prize received is none, a minister received is one (lexicon.tsv `when`).
    const japan = gpe('Japan', 'JPN');
    const oscar = ent('Oscar', 'MISC');
    expect(types('Japan/NNP received/VBD an/DT Oscar/NNP ./.', [japan, oscar])).toEqual([]);
    const minister: EntSpec = { name: 'Chilean foreign minister', type: 'PERSON', country: 'CHL', sector: 'GOV', surfaces: ['Chilean foreign minister'] };
    expect(types('Japan/NNP received/VBD the/DT Chilean/JJ foreign/JJ minister/NN ./.', [japan, minister])).toEqual(['CONSULT']);
    expect(types('Japanese/JJ police/NNS searched/VBD the/DT house/NN ./.', [{ name: 'Japanese police', type: 'ORG', country: 'JPN', sector: 'COP', surfaces: ['Japanese police'] }])).toEqual(['COERCE']);
    expect(types('The/DT rebels/NNS searched/VBD the/DT house/NN ./.', [{ name: 'rebels', type: 'ORG', country: null, sector: 'REB', surfaces: ['rebels'] }])).toEqual([]);
    expect(types('Chile/NNP released/VBD 20/CD Peruvian/JJ prisoners/NNS ./.', [ent('Chile', 'GPE'), ent('Peruvian', 'NORP')])).toEqual(['RETREAT']);
  });

  it('reads what a product lets its users do, arriving in the shops and harm to a business as no event', () => {
    const firm = ent('Nintendo', 'ORG');
    expect(types('Nintendo/NNP will/MD allow/VB players/NNS to/TO trade/VB items/NNS ./.', [firm])).toEqual([]);
    expect(types('Nintendo/NNP hit/VBD the/DT shops/NNS in/IN May/NNP ./.', [firm])).toEqual([]);
    expect(types('Nintendo/NNP was/VBD hit/VBN by/IN losses/NNS ./.', [firm])).toEqual([]);
    expect(types('Chile/NNP will/MD allow/VB Peru/NNP to/TO use/VB the/DT port/NN ./.', [ent('Chile', 'GPE'), ent('Peru', 'GPE')])).toEqual(['CONCEDE']);
  });

  it('reads demand in a market as buying, and a demand made of someone as a request', () => {
    const japan = ent('Japan', 'GPE');
    expect(types('Japan/NNP must/MD boost/VB domestic/JJ demand/NN ./.', [japan])).toEqual([]);
    expect(types('Japanese/JJ demand/NN for/IN imports/NNS fell/VBD ./.', [ent('Japanese', 'NORP')])).toEqual([]);
    expect(types('Japan/NNP rejected/VBD the/DT U.S./NNP demand/NN for/IN greater/JJR veto/NN powers/NNS ./.', [japan, ent('U.S.', 'GPE')])).toContain('REJECT');
  });

  it('reads a win with a score, or in a contest, as no event', () => {
    expect(types('Johansson/NNP beat/VBD Simon/NNP 7-6/CD 6-3/CD ./.', [ent('Johansson'), ent('Simon')])).toEqual([]);
    expect(types('Chartered/NNP has/VBZ beaten/VBN HSBC/NNP to/IN the/DT deal/NN ./.', [ent('Chartered', 'ORG'), ent('HSBC', 'ORG')])).toEqual([]);
    expect(types('Yeading/NNP beat/VBD Slough/NNP in/IN the/DT second/JJ round/NN ./.', [ent('Yeading', 'ORG'), ent('Slough', 'ORG')])).toEqual([]);
  });

  it('keeps a beating after a match, where the contest is not what was beaten, and a date range is no score', () => {
    const police: EntSpec = { name: 'Police', type: 'ORG', country: null, sector: 'COP', surfaces: ['Police'] };
    expect(types('Police/NNS beat/VBD Ivanov/NNP after/IN the/DT match/NN ./.', [police, ent('Ivanov')])).toEqual(['ASSAULT']);
    expect(types('Police/NNS beat/VBD Ivanov/NNP on/IN 10-16/CD January/NNP ./.', [police, ent('Ivanov')])).toEqual(['ASSAULT']);
  });

  it('reads harm done by a disaster, rivalry in a market or a court, and a fight for a job as no violence', () => {
    expect(types('Floods/NNS hit/VBD Bangladesh/NNP ./.', [ent('Bangladesh', 'GPE')])).toEqual([]);
    expect(types('The/DT crash/NN of/IN a/DT Peruvian/JJ airliner/NN killed/VBD 20/CD people/NNS ./.', [ent('Peruvian', 'NORP')])).toEqual([]);
    expect(types('Airbus/NNP and/CC Boeing/NNP are/VBP in/IN a/DT price/NN war/NN ./.', [ent('Airbus', 'ORG'), ent('Boeing', 'ORG')])).toEqual([]);
    expect(types('Ivanov/NNP is/VBZ fighting/VBG for/IN his/PRP$ job/NN ./.', [ent('Ivanov')])).toEqual([]);
  });

  it('reads a rise, harm done by the weather, a target met and a chance seized as no event', () => {
    const euro = ent('European', 'NORP');
    expect(types('The/DT European/JJ currency/NN has/VBZ shot/VBN up/RP to/TO new/JJ highs/NNS ./.', [euro])).toEqual([]);
    expect(types('Cold/JJ weather/NN in/IN Canada/NNP threatened/VBD stocks/NNS of/IN oil/NN ./.', [ent('Canada', 'GPE')])).toEqual([]);
    expect(types('Ivanov/NNP met/VBD the/DT target/NN ./.', [ent('Ivanov')])).toEqual([]);
    expect(types('Ivanov/NNP will/MD seize/VB on/IN the/DT reports/NNS ./.', [ent('Ivanov')])).toEqual([]);
    expect(types('Ivanov/NNP met/VBD Petrov/NNP ./.', [ent('Ivanov'), ent('Petrov')])).toEqual(['CONSULT']);
  });

  it('reads a fight on a social ill, destroyed files, weapons of mass destruction, a plea, a website visited and a comment refused as no event', () => {
    const iv = ent('Ivanov');
    expect(types('Ivanov/NNP fought/VBD corruption/NN for/IN years/NNS ./.', [iv])).toEqual([]);
    // ... and a vow to do it is no threat.
    expect(types('Ivanov/NNP vowed/VBD to/TO fight/VB corruption/NN ./.', [iv])).toEqual(['AGREE']);
    expect(types('Ivanov/NNP destroyed/VBD the/DT files/NNS ./.', [iv])).toEqual([]);
    expect(types('Ivanov/NNP spoke/VBD of/IN weapons/NNS of/IN mass/JJ destruction/NN ./.', [iv])).toEqual([]);
    expect(types('Ivanov/NNP pleaded/VBD guilty/JJ to/TO fraud/NN ./.', [iv])).toEqual([]);
    expect(types('Ivanov/NNP could/MD not/RB visit/VB the/DT website/NN ./.', [iv])).toEqual([]);
    expect(types('Ivanov/NNP refused/VBD to/TO comment/VB ./.', [iv])).toEqual([]);
    expect(types('Ivanov/NNP refused/VBD to/TO withdraw/VB ./.', [iv])).toEqual(['REJECT']);
  });

  it('keeps an armed attack on a place', () => {
    expect(types('Rebels/NNS attacked/VBD Kandahar/NNP ./.', [ent('Rebels', 'ORG'), ent('Kandahar', 'GPE')])).toEqual(['ASSAULT']);
  });

  it('refuses a row with an unknown scope, class or recoding, naming the row', () => {
    const classes = new Map([['@contest', new Set(['match'])]]);
    const header = 'type\tlemmas\tscope\tcues\tbecomes';
    expect(() => parseSenses(`${header}\nASSAULT\tbeat\tnearby\tmatch\t-`, classes)).toThrow(/ASSAULT\tbeat\tnearby.*bad scope/);
    expect(() => parseSenses(`${header}\nASSAULT\tbeat\tobject\t@games\t-`, classes)).toThrow(/unknown noun class @games/);
    expect(() => parseSenses(`${header}\nASSAULT\tbeat\tobject\tmatch\tWIN`, classes)).toThrow(/"becomes" must be/);
    expect(parseSenses(`${header}\nASSAULT\tattack\tobject\t@contest\tACCUSE disapprove 111`, classes)[0]?.becomes).toEqual({ type: 'ACCUSE', mode: 'disapprove', cameo: '111' });
    expect(() => parseSenses(`${header}\nFIGHT\tbeat\tobject\tmatch\t-`, classes)).toThrow(/bad type/);
    expect(parseSenses(`${header}\n*\t*\tarticle\t<sports-report>\t-`, classes)[0]?.type).toBeNull();
  });
});

describe('a sports report', () => {
  // Five different words of sport make the article a sports report.
  const REPORT = 'The/DT striker/NN scored/VBD in/IN the/DT league/NN match/NN ,/, and/CC the/DT coach/NN praised/VBD his/PRP$ squad/NN ./.';

  it('reads its conflict words as figures of speech, unless the sentence names real violence', () => {
    const teams = [ent('Rovers', 'ORG'), ent('United', 'ORG')];
    const beat = build([REPORT, 'Rovers/NNP beat/VBD United/NNP at/IN home/NN ./.'], teams);
    expect(codeDoc(beat.doc).events.filter((e) => e.type === 'ASSAULT')).toEqual([]);
    const fans = build([REPORT, 'Rovers/NNP fans/NNS attacked/VBD United/NNP supporters/NNS ./.'], [ent('Rovers fans', 'ORG'), ent('United supporters', 'ORG')]);
    expect(codeDoc(fans.doc).events.map((e) => e.type)).toContain('ASSAULT');
  });

  it('reads its other event words as its language too: a rally, a goal conceded, help to a team', () => {
    const teams = [ent('Rovers', 'ORG'), ent('United', 'ORG')];
    const rally = build([REPORT, 'Rovers/NNP rallied/VBD late/RB and/CC United/NNP conceded/VBD twice/RB ./.'], teams);
    expect(codeDoc(rally.doc).events).toEqual([]);
    const arrests = build([REPORT, 'Police/NNS arrested/VBD Rovers/NNP fans/NNS ./.'], [...teams, ent('Police', 'ORG')]);
    expect(codeDoc(arrests.doc).events.map((e) => e.type)).toEqual(['COERCE']);
  });

  it('reads a strike and a rally as play even where the sentence names the crowd', () => {
    const b = build([REPORT, 'The/DT coach/NN hailed/VBD Rovers/NNP for/IN their/PRP$ late/JJ strike/NN and/CC the/DT crowd/NN for/IN its/PRP$ support/NN ./.'], [ent('Rovers', 'ORG')]);
    expect(codeDoc(b.doc).events.filter((e) => e.type === 'PROTEST')).toEqual([]);
  });

  it('is not made by ranges that are quantities', () => {
    const b = build(['The/DT match/NN and/CC the/DT final/NN cost/VBD 80-85/CD cents/NNS ,/, up/RB 50-60/CD %/NN ./.', 'Chile/NNP attacked/VBD Kandahar/NNP ./.'], [ent('Chile', 'GPE'), ent('Kandahar', 'GPE')]);
    expect(codeDoc(b.doc).events.map((e) => e.type)).toEqual(['ASSAULT']);
  });

  it('is not made by one or two words of sport', () => {
    const b = build(['The/DT match/NN was/VBD postponed/VBN ./.', 'Rebels/NNS attacked/VBD Kandahar/NNP ./.'], [ent('Rebels', 'ORG'), ent('Kandahar', 'GPE')]);
    expect(codeDoc(b.doc).events.map((e) => e.type)).toEqual(['ASSAULT']);
  });
});

describe('a casualty report with ranges of numbers', () => {
  it('is no sports report: its ranges are no scores without words of sport', () => {
    const b = build([
      'Men/NNS aged/VBN 18-60/CD cannot/MD leave/VB ./.',
      'Between/IN 20-30/CD people/NNS fled/VBD ./.',
      'The/DT Taliban/NNP attacked/VBD Kandahar/NNP ./.',
    ], [{ name: 'Taliban', type: 'ORG', country: 'AFG', sector: 'REB', surfaces: ['Taliban'] }, ent('Kandahar', 'GPE')]);
    expect(codeDoc(b.doc).events.map((e) => e.type)).toEqual(['ASSAULT']);
  });
});

describe('a warning', () => {
  const UN: EntSpec = { name: 'United Nations', type: 'ORG', country: null, surfaces: ['United Nations'] };
  const warned = (tagged: string): string[] => codeDoc(build([tagged], [UN]).doc).events.map((e) => e.type);

  it('that foretells something other than the speaker\'s own deed is no threat', () => {
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD that/IN the/DT toll/NN could/MD rise/VB ./.')).toEqual([]);
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD of/IN heavy/JJ losses/NNS ./.')).toEqual([]);
  });

  it('that the speaker forecasts in so many words is no threat either', () => {
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD that/IN it/PRP expects/VBZ aid/NN to/TO fall/VB ./.')).toEqual([]);
  });

  it('that foretells with a long subject is no threat', () => {
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD that/IN the/DT continued/JJ impact/NN of/IN a/DT weaker/JJR dollar/NN and/CC higher/JJR marketing/NN costs/NNS may/MD hurt/VB aid/NN ./.')).toEqual([]);
  });

  it('that says what the speaker will do, or on what condition, is one', () => {
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD that/IN it/PRP would/MD act/VB ./.')).toEqual(['THREATEN']);
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD that/IN there/EX could/MD be/VB delays/NNS unless/IN talks/NNS resume/VBP ./.')).toEqual(['THREATEN']);
    expect(warned('The/DT United/NNP Nations/NNPS warned/VBD that/IN the/DT leaders/NNS would/MD face/VB consequences/NNS ./.')).toEqual(['THREATEN']);
  });
});

describe('offers and guarantees in trade', () => {
  const italy = gpe('Italy', 'ITA');
  it('reads a sale of securities as no offer, however the sum before them is written', () => {
    expect(types('Italy/NNP will/MD offer/VB 3,500/CD billion/CD lire/NNS of/IN treasury/NN bills/NNS ./.', [italy])).toEqual([]);
    expect(types('Italy/NNP will/MD offer/VB 500/CD mln/CD dlrs/NNS of/IN aid/NN to/TO Peru/NNP ./.', [italy, gpe('Peru', 'PER')])).toEqual(['AGREE']);
  });

  it('reads a surety for a bond or a loan as no accord', () => {
    expect(types('The/DT issue/NN is/VBZ guaranteed/VBN by/IN Italy/NNP ./.', [italy])).toEqual([]);
    expect(types('Italy/NNP guaranteed/VBD the/DT loan/NN ./.', [italy])).toEqual([]);
    expect(types('Italy/NNP guaranteed/VBD the/DT safety/NN of/IN the/DT refugees/NNS ./.', [italy])).toEqual(['AGREE']);
  });

  it('finds a firm\'s purchase behind a time or manner phrase before its "to"', () => {
    const acme: EntSpec = { name: 'Acme Corp', type: 'ORG', country: null, sector: 'BUS', surfaces: ['Acme Corp'] };
    expect(types('Acme/NNP Corp/NNP agreed/VBD in/IN principle/NN to/TO buy/VB the/DT unit/NN ./.', [acme])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP agreed/VBD in/IN November/NNP to/TO sell/VB the/DT stations/NNS ./.', [acme])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP agreed/VBD in/IN principle/NN to/TO pay/VB the/DT fine/NN ./.', [acme])).toEqual(['AGREE']);
  });
});

describe('a resignation', () => {
  const chairman: EntSpec = { name: 'John Smith', type: 'PERSON', country: null, surfaces: ['John Smith'] };
  it('from a firm\'s office is no retreat in public life', () => {
    expect(types('Chairman/NNP John/NNP Smith/NNP resigned/VBD from/IN the/DT board/NN ./.', [chairman])).toEqual([]);
  });

  it('in a public affair, or from a public office, still is one', () => {
    expect(types('Chairman/NNP John/NNP Smith/NNP resigned/VBD after/IN a/DT police/NN inquiry/NN ./.', [chairman])).toContain('RETREAT');
    expect(types('John/NNP Smith/NNP resigned/VBD as/IN home/NN secretary/NN ./.', [chairman])).toEqual(['RETREAT']);
    const minister: EntSpec = { ...chairman, country: 'GBR', sector: 'GOV' };
    expect(types('John/NNP Smith/NNP resigned/VBD as/IN chairman/NN of/IN the/DT board/NN ./.', [minister])).toEqual(['RETREAT']);
  });
});

describe('a decline', () => {
  const italy = gpe('Italy', 'ITA');
  it('to a figure is a fall, and a refusal to give one is no refusal in public life', () => {
    expect(types('Italy/NNP \'s/POS exports/NNS declined/VBD 4.1/CD pct/NN to/TO 11/CD billion/CD lire/NNS ./.', [italy])).toEqual([]);
    expect(types('Italy/NNP declined/VBD to/TO estimate/VB its/PRP$ reserves/NNS ./.', [italy])).toEqual([]);
    expect(types('Italy/NNP declined/VBD to/TO attend/VB the/DT summit/NN ./.', [italy])).toEqual(['REJECT']);
  });
});

describe('a central bank in the money market', () => {
  const boe: EntSpec = { name: 'Bank of England', type: 'ORG', country: 'GBR', sector: 'GOV', surfaces: ['Bank of England'] };
  it('gives no aid and makes no offer when it supplies the market', () => {
    expect(types('The/DT Bank/NNP of/IN England/NNP provided/VBD the/DT money/NN market/NN with/IN 345/CD mln/CD stg/NN assistance/NN ./.', [boe])).toEqual([]);
    expect(types('The/DT Bank/NNP of/IN England/NNP offered/VBD liquidity/NN to/TO the/DT banks/NNS ./.', [boe])).toEqual([]);
  });

  it('but a state that stops paying its debts beside its money market lines still acts', () => {
    const brazil = gpe('Brazil', 'BRA');
    expect(types('Brazil/NNP suspended/VBD interest/NN payments/NNS and/CC froze/VBD money/NN market/NN lines/NNS ./.', [brazil])).toContain('SANCTION');
  });
});

describe('talk and meet', () => {
  const japan = gpe('Japan', 'JPN');
  const peru = gpe('Peru', 'PER');
  it('read no consultation into talk about a subject, or a share of needs met', () => {
    expect(types('Japan/NNP began/VBD to/TO talk/VB about/IN inflation/NN ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP will/MD meet/VB 40/CD pct/NN of/IN the/DT market/NN \'s/POS needs/NNS ./.', [japan])).toEqual([]);
  });

  it('still read one into talks with a party', () => {
    expect(types('Japan/NNP will/MD talk/VB with/IN Peru/NNP ./.', [japan, peru])).toEqual(['CONSULT']);
  });

  it('read no consultation into talk of a thing, but one into talks of a kind', () => {
    expect(types('Japan/NNP \'s/POS trip/NN fuels/VBZ talk/NN of/IN a/DT wheat/NN offer/NN ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP talks/VBZ of/IN optimism/NN ./.', [japan])).toEqual([]);
    expect(types('Japan/NNP held/VBD talks/NNS of/IN this/DT kind/NN with/IN Peru/NNP ./.', [japan, peru])).toEqual(['CONSULT']);
  });
});

describe('a source\'s own wishes, market demand and things displaced', () => {
  const man = ent('Adam Vaughan');
  const iran = gpe('Iran', 'IRN');

  it('read no request into a source who asked not to be named or asked for anonymity', () => {
    expect(types('Adam/NNP Vaughan/NNP ,/, who/WP asked/VBD not/RB to/TO be/VB identified/VBN ,/, said/VBD it/PRP was/VBD false/JJ ./.', [man])).toEqual([]);
    expect(types('Adam/NNP Vaughan/NNP requested/VBD anonymity/NN ./.', [man])).toEqual([]);
    expect(types('Adam/NNP Vaughan/NNP asked/VBD Iran/NNP not/RB to/TO withdraw/VB ./.', [man, iran])).toEqual(['REQUEST']);
  });

  it('read no request into supply and demand', () => {
    const china = gpe('China', 'CHN');
    // The tagger's reading of it: "demand" a verb, "dictate" a noun.
    expect(types('China/NNP wants/VBZ to/TO let/VB supply/NN and/CC demand/VB dictate/NN deals/NNS ./.', [china])).toEqual([]);
  });

  it('read an expulsion only into people displaced', () => {
    const sudan = gpe('Sudan', 'SDN');
    expect(types('Sudan/NNP displaced/VBD 10,000/CD villagers/NNS ./.', [sudan])).toEqual(['SANCTION']);
    const soviet: EntSpec = { name: 'Soviet', type: 'NORP', country: 'SUN', surfaces: ['Soviet'] };
    expect(types('Soviet/JJ purchases/NNS displaced/VBD Argentine/JJ purchases/NNS ./.', [soviet])).toEqual([]);
    expect(types('Sudan/NNP supports/VBZ internally/RB displaced/VBN persons/NNS ./.', [sudan])).not.toContain('SANCTION');
  });
});

describe('a host', () => {
  // The whole pipeline: the guests are the firms the tagger and the linker find in the object's list.
  const coded = (text: string): string[] => extract({ kind: 'text', name: 'host', uri: null, content: text }).events.map((e) => e.type);

  it('of firms or plants receives no guest', () => {
    expect(coded('South Korea also hosts several polysilicon manufacturers, including the OCI Group and Hanwha Group.')).toEqual([]);
  });

  it('of a minister still does', () => {
    expect(coded('Japan hosted the Iraqi foreign minister on Monday.')).toEqual(['CONSULT']);
  });
});


describe('reporters\' and markets\' words', () => {
  const coded = (text: string): string[] => extract({ kind: 'text', name: 'words', uri: null, content: text }).events.map((e) => e.type);

  it('read no request into a request for comment', () => {
    expect(coded('The Interior Ministry did not respond to a Reuters request for comment on Tuesday.')).toEqual([]);
    expect(coded('Calls to Acme Corp seeking comment were not returned.')).toEqual([]);
    expect(coded('Iran asked the United Nations for help on Tuesday.')).toEqual(['REQUEST']);
    // A regulator that seeks public comment on a rule asks the public.
    expect(coded('The Securities and Exchange Commission voted to seek public comment on the rule.')).toEqual(['REQUEST']);
  });

  it('read no attack into a figure that beat forecasts', () => {
    expect(coded('Separately, Norway’s October oil production beat forecasts and the potential oversupply, with worries over demand, sent prices lower.')).toEqual([]);
  });
});

describe('an invitation', () => {
  const coded = (text: string): string[] => extract({ kind: 'text', name: 'invite', uri: null, content: text, published: '2019-11-20' }).events.map((e) => e.type);

  it('to appear before the police is a summons to be questioned, not an invitation to visit', () => {
    expect(coded('Nigerian police had invited only Senator Dino Okoro and Senator Ben Adeyemi to appear before the Lagos State Command over alleged assaults on its officers.')).toEqual(['ACCUSE']);
    expect(coded('Putin invited Macron to visit Moscow in May.')).toContain('AGREE');
  });

  it('of firms to stop buying shares is a standstill, however far the infinitive stands from "agreed"', () => {
    expect(coded('Acme said Zenith Corp has also agreed not to buy Acme shares for ten years.')).toEqual([]);
  });
});
