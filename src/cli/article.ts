/**
 * `newsgraph article KEY [--format text|json]`: one stored article. json is the article
 * record as stored; text is a view for reading: title, facts about the article, its
 * text, then each event with its evidence sentence and each quote with its speaker.
 */
import { NewsgraphError } from '../core/errors.js';
import type { ArticleRecord, Entity, EventRecord, Range } from '../core/record.js';
import type { StoredArticle } from '../store/types.js';
import { COMMON_OPTIONS, DB_HELP, parseCommand, withStore } from './events.js';
import { parseOutputFormat } from './output.js';
import type { Line } from './output.js';

export const ARTICLE_HELP = `Usage: newsgraph article KEY [--format text|json]

One stored article (KEY as listed by newsgraph events, quotes or search).

  --format F           text (default): title, details, text, events with their evidence
                       and quotes with their speakers; json: the article record as stored
${DB_HELP}`;

function entityText(byId: Map<string, Entity>, id: string): string {
  const e = byId.get(id);
  if (!e) return id;
  return e.code === null ? e.name : `${e.name} (${e.code})`;
}

function rangeText(r: Range | null): string | null {
  if (r === null || (r.min === null && r.max === null)) return null;
  if (r.min === r.max) return String(r.min);
  if (r.max === null) return `${r.min}+`;
  if (r.min === null) return `up to ${r.max}`;
  return `${r.min}–${r.max}`;
}

function eventLines(record: ArticleRecord, byId: Map<string, Entity>, ev: EventRecord): string[] {
  const who = ev.actor.map((id) => entityText(byId, id)).join(', ') || '?';
  const whom = ev.recipient.map((id) => entityText(byId, id)).join(', ');
  const head = [`${ev.id} ${ev.type}${ev.mode === null ? '' : `/${ev.mode}`}`, ev.modality === 'asserted' ? null : `[${ev.modality}]`,
    ev.date === null ? null : `${ev.date.inferred ? '~' : ''}${ev.date.value}`].filter((x) => x !== null).join(' ');
  const where = ev.location === null ? '' : ` @ ${entityText(byId, ev.location)}`;
  const details: string[] = [`trigger "${ev.trigger.text}"`];
  if (ev.source !== null) details.push(`according to ${entityText(byId, ev.source)}`);
  if (ev.context.length > 0) details.push(`context ${ev.context.join(', ')}`);
  for (const [name, r] of [['dead', ev.size?.dead ?? null], ['injured', ev.size?.injured ?? null], ['arrested', ev.size?.arrested ?? null]] as const) {
    const t = rangeText(r);
    if (t !== null) details.push(`${name} ${t}`);
  }
  if (ev.cameo !== null) details.push(`CAMEO ${ev.cameo}`);
  details.push(`confidence ${ev.confidence}`);
  const evidence = record.text.slice(ev.evidence.start, ev.evidence.end).replace(/\s+/g, ' ').trim();
  return [`  ${head} — ${who}${whom ? ` → ${whom}` : ''}${where}`, `      ${details.join('; ')}`, `      “${evidence}”`];
}

export function articleText(stored: StoredArticle): string[] {
  const r = stored.record;
  const byId = new Map(r.entities.map((e) => [e.id, e]));
  const title = r.title ?? '(no title)';
  const lines: string[] = [title, '='.repeat(Math.min(80, Array.from(title).length))];
  const facts: Array<[string, string | null]> = [
    ['key', stored.key],
    ['publisher', r.source.publisher],
    ['published', r.published?.value ?? null],
    ['authors', r.authors.map((a) => (a.role === null ? a.name : `${a.name} (${a.role})`)).join(', ') || null],
    ['dateline', r.dateline?.text ?? null],
    ['language', r.language],
    ['url', r.source.uri],
    ['origin', stored.origin],
    ['duplicate of', stored.duplicateOf],
    ['stored', stored.ingestedAt],
  ];
  for (const [name, value] of facts) if (value !== null && value !== '') lines.push(`${name}: ${value}`);
  lines.push('', r.text, '');
  lines.push(`Events (${r.events.length})`);
  for (const ev of r.events) lines.push(...eventLines(r, byId, ev));
  lines.push('', `Quotes (${r.quotes.length})`);
  for (const q of r.quotes) {
    const speaker = q.speaker === null ? 'unknown speaker' : entityText(byId, q.speaker);
    const how = [q.cue, q.channel === null ? null : `on ${q.channel}`, q.direct ? null : 'reported'].filter((x) => x !== null).join(', ');
    lines.push(`  ${q.id} ${speaker}${how ? ` (${how})` : ''}: “${q.text.replace(/\s+/g, ' ').trim()}”`);
  }
  return lines;
}

export async function runArticle(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values, positionals } = parseCommand('article', argv, { ...COMMON_OPTIONS, format: { type: 'string' } }, true);
  if (values.help) {
    out(ARTICLE_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format, ['text', 'json']);
  const [key, ...extra] = positionals.map((p) => p.trim());
  if (!key || extra.length > 0) throw new NewsgraphError('E_USAGE', 'article needs exactly one article key, e.g. newsgraph article 3f2a9c0d1e4b5a67');
  const stored = await withStore(values.db, async (store) => {
    const found = await store.getArticle(key);
    if (found === null) throw new NewsgraphError('E_NOT_FOUND', `no article with this key in ${store.location}`, { input: key });
    return found;
  });
  if (format === 'json') out(JSON.stringify(stored.record, null, 2));
  else for (const line of articleText(stored)) out(line);
  return 0;
}
