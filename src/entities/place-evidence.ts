/**
 * Whether a name the tagger labelled is a place. The NER was trained on 1996 Reuters
 * text, where a capitalised word it has not seen is most often a place; on today's
 * news it calls products, shows, companies and bands places ("Linux", "Comedy
 * Central", "Sony"), and an unknown place type puts events on the map where nothing
 * happened. So the linker (named-mentions.ts) asks for evidence before it makes a place
 * of a name the gazetteer does not know, or of a name the tagger called an organisation:
 *  - a word that only ends a place's name ("Lansdowne Road", "Tiananmen Square");
 *  - words around one of the name's mentions that read it as a place (`placeContext`),
 *    the strictest of them a preposition of place (`placePrepositionBefore`);
 *  - a list it stands in with a name so read (`namesWhere`).
 * Words that read a town's name as its sports club (`clubContext`) count against.
 * Decision 0021 has the measurements.
 */
import type { Span } from '../core/span.js';
import { nameTokens } from './names.js';

/** Prepositions that put what follows at a place. "at", "from" and "to" are not among them: "an analyst at Nomura", "on loan from Chelsea". */
const LOCATIVE = new Set(['in', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'within', 'towards', 'toward', 'into', 'nearby']);

/** Words before "in" that make what follows a work, not a place: "her role in Hotel Rwanda", "starred in Vera Drake". */
const IN_WORK = new Set([
  'role', 'roles', 'performance', 'performances', 'starred', 'stars', 'starring', 'appeared', 'appears',
  'appearing', 'appearance', 'played', 'plays', 'playing', 'cameo', 'character', 'cast', 'nominated', 'nomination',
  'featured', 'features', 'featuring', 'scene', 'scenes', 'episode', 'episodes', 'chapter', 'acting', 'turn',
]);

/** Words before "at" that make what follows an employer, not a place: "analyst at Nomura", "worked at Sony". */
const AT_EMPLOYER = new Set([
  'analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'director', 'manager', 'managers',
  'head', 'chief', 'boss', 'president', 'officer', 'executive', 'executives', 'spokesman', 'spokeswoman',
  'spokesperson', 'editor', 'colleague', 'colleagues', 'professor', 'lecturer', 'researcher', 'researchers',
  'scientist', 'scientists', 'engineer', 'engineers', 'worker', 'workers', 'employee', 'employees', 'staff', 'job',
  'jobs', 'work', 'works', 'worked', 'working', 'career', 'partner', 'consultant', 'member', 'members', 'student',
  'students', 'chairman', 'founder', 'trader', 'traders', 'dealer', 'dealers', 'developer', 'developers', 'expert',
  'experts', 'adviser', 'advisers', 'advisor', 'fellow', 'correspondent', 'reporter', 'producer', 'secretary',
  'official', 'officials', 'source', 'sources', 'insider', 'shares', 'stake', 'vice',
]);

/**
 * Words before "from" that make what follows a place people come or flee from: "families
 * from Kok-Tash", "troops withdrew from". Other words are left out: "a statement from Sony",
 * "on loan from Chelsea", "moved from Liverpool".
 */
const FROM_PLACE = new Set([
  'people', 'families', 'residents', 'villagers', 'inhabitants', 'civilians', 'refugees', 'migrants', 'immigrants',
  'troops', 'soldiers', 'forces', 'fled', 'flee', 'fleeing', 'evacuated', 'evacuees', 'expelled', 'deported',
  'displaced', 'withdrew', 'withdrawn', 'withdrawal', 'withdrawing', 'retreated', 'arrived', 'returned', 'returning',
  'flights', 'flight', 'miles', 'kilometres', 'kilometers', 'km',
]);

/** Words before "to" that make what follows a destination: "the trip to Murrayfield", "troops sent to Kharkiv". */
const TO_PLACE = new Set([
  'trip', 'trips', 'travel', 'travels', 'travelled', 'traveled', 'travelling', 'traveling', 'journey', 'visit',
  'visits', 'flight', 'flights', 'route', 'deported', 'returned', 'returning', 'fled', 'sent', 'deployed', 'headed',
  'heading', 'evacuated', 'road', 'railway', 'pilgrimage',
]);

/**
 * Verbs whose object, when the tagger calls it a place, is one: what is shelled, taken or
 * entered ("Tajik forces shelled Kok-Tash", "troops retook Ak-Sai").
 */
const VERBS_OF_PLACES = new Set([
  'shelled', 'shelling', 'bombed', 'bombing', 'bombarded', 'besieged', 'stormed', 'raided', 'captured', 'recaptured',
  'seized', 'retook', 'liberated', 'occupied', 'surrounded', 'encircled', 'evacuated', 'entered', 'reached',
  'invaded', 'overran', 'struck', 'targeted', 'attacked', 'fled', 'visited', 'toured',
]);

/** Kinds of place after which "like" or "such as" names one: "a city like Peterborough". */
const PLACE_KINDS = new Set(['city', 'cities', 'town', 'towns', 'village', 'villages', 'country', 'countries', 'capital', 'capitals', 'places', 'region', 'regions']);

/** Peers take their title from a place: "Lord Walker of Gestingthorpe". */
const PEERS = new Set(['lord', 'baroness', 'lady', 'baron', 'viscount', 'earl']);

/** Words after a name that make it a place: "the Hartlepool by-election", "London mayor". */
const PLACE_AFTER = new Set(['by-election', 'constituency', 'mayor', 'suburb', 'suburbs', 'outskirts', 'neighbourhood', 'neighborhood', 'skyline']);

/** Names of feasts: "at Christmas" is a time. */
const FEASTS = new Set(['christmas', 'easter', 'new year', 'halloween', 'thanksgiving', 'ramadan', 'eid', 'diwali', 'hanukkah', 'passover']);

/** Nouns that take "of" and a place's name: "the town of Hambantota", "residents of Baalbek". */
const PLACE_OF = new Set([
  'town', 'city', 'village', 'villages', 'state', 'province', 'region', 'district', 'county', 'island', 'islands',
  'edge', 'outskirts', 'suburb', 'suburbs', 'streets', 'port', 'capital', 'republic', 'area', 'north', 'south', 'east',
  'west', 'centre', 'center', 'heart', 'shores', 'banks', 'coast', 'residents', 'inhabitants', 'people', 'citizens',
  'mayor', 'governor',
]);

/** Adjectives of direction before a name: "eastern Siberia". */
const DIRECTION_ADJECTIVES = /^(?:north|south|east|west)(?:-?(?:east|west))?ern$|^central$|^(?:upper|lower)$/;

/** Words after a place's name that make it the place's club: "Ulster scrum-half", "Leicester duo". */
const CLUB_ROLES = new Set([
  'striker', 'strikers', 'midfielder', 'midfielders', 'defender', 'defenders', 'goalkeeper', 'keeper', 'winger',
  'forward', 'full-back', 'centre-back', 'captain', 'skipper', 'coach', 'manager', 'boss', 'prop', 'hooker', 'lock',
  'flanker', 'scrum-half', 'fly-half', 'centre', 'wing', 'duo', 'trio', 'side', 'squad', 'fans', 'supporters',
  'colleague', 'colleagues', 'player', 'players', 'team-mate', 'team-mates', 'teammate', 'teammates', 'youngster',
  'academy', 'reserves', 'bowler', 'batsman', 'all-rounder', 'pitcher', 'quarterback', 'guard',
]);

/** Last words of place names (lower case). */
const PLACE_HEADS = new Set([
  'road', 'street', 'avenue', 'lane', 'square', 'park', 'bridge', 'gate', 'quay', 'crossing', 'checkpoint',
  'bay', 'gulf', 'sea', 'ocean', 'strait', 'straits', 'channel', 'river', 'lake', 'canal', 'dam', 'reservoir',
  'island', 'islands', 'isle', 'peninsula', 'coast', 'cape', 'delta', 'valley', 'basin', 'plain', 'plains', 'plateau',
  'desert', 'mountain', 'mountains', 'mount', 'hill', 'hills', 'heights', 'pass', 'forest', 'woods', 'field', 'fields',
  'corridor', 'border', 'frontier', 'strip', 'bank', 'region', 'province', 'district', 'county', 'state', 'governorate',
  'oblast', 'territory', 'territories', 'zone', 'village', 'town', 'city', 'camp', 'airport', 'airbase', 'port',
  'harbour', 'harbor', 'stadium', 'arena', 'prison', 'base',
]);

/**
 * Up to three words before `start`, nearest first, lower case; a "the" next to the name is
 * skipped ("in the Bekaa"). Punctuation ends the run: in "Leeds; Leslie", no word stands
 * before "Leslie".
 */
function wordsBefore(text: string, start: number): string[] {
  const out: string[] = [];
  let i = start;
  let skippedThe = false;
  while (out.length < 3) {
    let j = i;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\n' || text[j - 1] === '\t')) j--;
    if (j === i) break;
    let k = j;
    while (k > 0 && /[\p{L}'’-]/u.test(text[k - 1]!)) k--;
    if (k === j) break;
    const word = text.slice(k, j).toLowerCase();
    if (word === 'the' && out.length === 0 && !skippedThe) skippedThe = true;
    else out.push(word);
    i = k;
  }
  return out;
}

/**
 * A preposition of place stands before the span ("in", "near", "into"; one "the" may come
 * between). Not state-forces.ts `locativeBefore`, which asks where something happens, so
 * takes "at" and leaves out "into".
 */
export function placePrepositionBefore(text: string, span: Span): boolean {
  const [w0 = '', w1 = ''] = wordsBefore(text, span.start);
  return LOCATIVE.has(w0) && !(w0 === 'in' && IN_WORK.has(w1));
}

/**
 * The words around the span read it as a place, more loosely than `placePrepositionBefore`:
 * also "at" after anything but a job ("held at Balado", not "analyst at Nomura"), a verb of
 * attack or arrival ("shelled Kok-Tash"), "the town of", "families from", "the trip to", "a city like", a peer's title ("Lord Walker of
 * Gestingthorpe"), "by-election" after it, a direction ("eastern Siberia"), another place
 * beside it after a comma ("Headingley, Leeds", "Camberley, Surrey") or owning it
 * ("Gateshead's Sage Centre"). `isPlace` says whether a name is a known place.
 */
export function placeContext(text: string, span: Span, isPlace: (name: string) => boolean): boolean {
  const words = wordsBefore(text, span.start);
  const [w0 = '', w1 = ''] = words;
  if (w0 === 'in' && IN_WORK.has(w1)) return false;
  if (LOCATIVE.has(w0) || DIRECTION_ADJECTIVES.test(w0) || VERBS_OF_PLACES.has(w0)) return true;
  if (w0 === 'at' && !AT_EMPLOYER.has(w1) && !FEASTS.has(nameTokens(text.slice(span.start, span.end)).join(' '))) return true;
  if (w0 === 'of' && PLACE_OF.has(w1)) return true;
  if (w0 === 'of' && w1 === 'out') return true;
  if (w0 === 'from' && FROM_PLACE.has(w1)) return true;
  if (w0 === 'to' && TO_PLACE.has(w1)) return true;
  if ((w0 === 'like' && PLACE_KINDS.has(w1)) || (w0 === 'as' && w1 === 'such' && PLACE_KINDS.has(words[2] ?? ''))) return true;
  if (w0 === 'of' && PEERS.has(words[2] ?? '')) return true;
  const next = /^\s+([\p{L}-]+)/u.exec(text.slice(span.end, span.end + 24));
  if (next && PLACE_AFTER.has(next[1]!.toLowerCase())) return true;
  const after = /^,\s+(near\s+)?((?:\p{Lu}[\p{L}'-]*\s?){1,3})/u.exec(text.slice(span.end, span.end + 40));
  if (after && (after[1] || isPlace(after[2]!.trim()))) return true;
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const owner = /((?:\p{Lu}[\p{L}-]*\s)*\p{Lu}[\p{L}-]*)['’]s\s+$/u.exec(before);
  if (owner && isPlace(owner[1]!)) return true;
  // "Camberley, Surrey", "Richfield Avenue, Reading": the larger place after the smaller.
  const inner = /((?:\p{Lu}[\p{L}-]*\s)*\p{Lu}[\p{L}-]*),\s+$/u.exec(before);
  return inner !== null && (isPlace(inner[1]!) || endsInPlaceWord(inner[1]!));
}

/** Of VERBS_OF_PLACES, those whose object is a place whatever else the tagger thought it: a siege or a capture. */
const SIEGE_VERBS = new Set([
  'shelled', 'shelling', 'bombed', 'bombarded', 'besieged', 'stormed', 'raided', 'captured', 'recaptured', 'seized',
  'retook', 'liberated', 'occupied', 'surrounded', 'encircled', 'evacuated', 'invaded', 'overran',
]);

/** Of PLACE_OF, the nouns that only a settlement or a district follows: "the village of Kok-Tash". */
const SETTLEMENT_OF = new Set(['town', 'city', 'village', 'villages', 'district', 'province', 'region', 'outskirts', 'suburb', 'suburbs']);

/**
 * Words that make even a name the tagger called MISC a place: a siege or capture of it
 * ("shelled Kok-Tash"), or "the village of". Stricter than `placeContext`, which would take
 * "in the World Cup", "withdrew from the Olympics" or "outside the European standard" for a place.
 */
export function settlementContext(text: string, span: Span): boolean {
  const [w0 = '', w1 = ''] = wordsBefore(text, span.start);
  return SIEGE_VERBS.has(w0) || (w0 === 'of' && SETTLEMENT_OF.has(w1));
}

/**
 * The words around the span make a place's name its sports club: a player's role after it
 * ("Munster flanker Alan Quinlan"), a fixture ("Cardiff v Blackburn"), or a team list's
 * parenthesis after a player ("S Best (Ulster)").
 */
export function clubContext(text: string, span: Span): boolean {
  const after = /^(?:['’]s)?\s+([\p{L}-]+)/u.exec(text.slice(span.end, span.end + 24));
  if (after && CLUB_ROLES.has(after[1]!.toLowerCase())) return true;
  if (/^\s+vs?\.?\s+\p{Lu}/u.test(text.slice(span.end, span.end + 8))) return true;
  if (/\p{Lu}[\p{L}.-]*\s+vs?\.?\s+$/u.test(text.slice(Math.max(0, span.start - 30), span.start))) return true;
  return text[span.end] === ')' && /\p{L}\s\($/u.test(text.slice(Math.max(0, span.start - 3), span.start));
}

const TITLE_FUNCTION_WORDS = /^(?:In|On|Of|And|The|For|To|At|From|With|Over|Under|My|Your|Our)$/;

/**
 * The name stands inside a run of title-case words, a function word among them: a work's
 * title ("Georgia On My Mind", "Sleepless In Seattle"), not the place it names. News writes
 * "in", "on" and "of" in lower case outside titles, but not in a headline set in title case
 * ("Russia Launches Strikes On Ukraine"): a sentence with fewer than four lower-case words
 * says nothing.
 */
export function inTitleCase(text: string, span: Span, sentence: Span): boolean {
  if ((text.slice(sentence.start, sentence.end).match(/(?:^|\s)\p{Ll}/gu)?.length ?? 0) < 4) return false;
  const after = /^ ([A-Z][a-z]*)(?= \p{Lu})/u.exec(text.slice(span.end, span.end + 12));
  if (after && TITLE_FUNCTION_WORDS.test(after[1]!)) return true;
  const before = /(?:^|[^.!?"'“‘:]\s)\p{Lu}[\p{L}'’-]* ([A-Z][a-z]*) $/u.exec(text.slice(Math.max(0, span.start - 30), span.start));
  return before !== null && TITLE_FUNCTION_WORDS.test(before[1]!);
}

/** The name ends in a word that only ends place names ("Lansdowne Road"), and has a word before it. */
export function endsInPlaceWord(surface: string): boolean {
  const tokens = nameTokens(surface);
  return tokens.length >= 2 && PLACE_HEADS.has(tokens[tokens.length - 1]!);
}

/**
 * The names (joined `nameTokens`) of the spans that pass `test`, and of every span listed
 * with one that does ("in Paris, Lyon and Marseille"), or with one that `vouches` for its
 * list ("Doha and Manama were unaffected", Manama a capital): a list's members are of one
 * kind. A span that only vouches does not count for its own name.
 */
export function namesWhere<S extends Span>(text: string, spans: readonly S[], test: (span: S) => boolean, vouches: (span: S) => boolean = () => false): Set<string> {
  const out = new Set<string>();
  const add = (s: S): void => void out.add(nameTokens(text.slice(s.start, s.end)).join(' '));
  let from = 0;
  while (from < spans.length) {
    // A list ends at its "and" or "or": "the Humber, Halifax said" is no list.
    let to = from + 1;
    let joined = false;
    while (!joined && to < spans.length) {
      const gap = LIST_GAP.exec(text.slice(spans[to - 1]!.end, spans[to]!.start));
      if (!gap) break;
      joined = gap[1] !== undefined || gap[2] !== undefined;
      to++;
    }
    const list = joined ? spans.slice(from, to) : spans.slice(from, from + 1);
    if (list.some(test)) list.forEach(add);
    else for (const s of list) if (list.some((other) => other !== s && vouches(other))) add(s);
    from += list.length;
  }
  return out;
}

/** What stands between two members of a list of names. */
const LIST_GAP = /^(?:\s*,\s*(?:(and|or)\s+)?|\s+(and|or)\s+)$/;
