import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewsgraphError } from '../core/errors.js';
import { tagConllu } from '../nlp/conllu-tag.js';
import { BEAM_PARSER_MODEL_PATH, PARSER_MODEL_PATH, loadParser, parserModelAvailable } from '../nlp/parser/index.js';
import { posModelAvailable, tagTokens } from '../nlp/pos/index.js';
import { tagText } from '../nlp/text-conllu.js';
import { runTag } from './tag.js';
import { fileScratchDir } from '../../test/support/scratch-dir.js';

const dir = fileScratchDir('ng-tag-');
// Sentences on which the greedy parser, the beam model at width 2 and at its own width 8
// all give different trees, so each option is seen to take effect.
const SENTENCES = [
  'The minister said on Monday that talks with the rebels would resume in Geneva next week .',
  'Officials in the capital , who asked not to be named because they were not authorised to speak , said the convoy carrying food and medicine had been stopped at a checkpoint near the border by soldiers loyal to the general .',
].map((s) => s.split(' '));
const INPUT = SENTENCES.map((ws) => ws.map((w, i) => `${i + 1}\t${w}\t_\t_\t_\t_\t_\t_\t_\t_`).join('\n') + '\n\n').join('');
const CONLLU = join(dir, 'in.conllu');
writeFileSync(CONLLU, INPUT);
const NER = join(dir, 'in.conll');
writeFileSync(NER, SENTENCES.map((ws) => ws.join('\n') + '\n\n').join(''));

async function tag(args: string[]): Promise<string> {
  let text = '';
  await runTag(args, (t) => (text += t));
  return text;
}

async function failure(args: string[]): Promise<{ code: string; message: string }> {
  try {
    await tag(args);
  } catch (e) {
    if (isNewsgraphError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`tag ${args.join(' ')} did not fail`);
}

describe('newsgraph tag: choosing the parser', () => {
  it('refuses --parser or --beam with --ner, which runs no parser', async () => {
    expect((await failure(['--ner', NER, '--beam', '4'])).code).toBe('E_USAGE');
    expect((await failure(['--ner', NER, '--parser', 'beam'])).code).toBe('E_USAGE');
  });

  it('takes exactly one of --ner, --conllu and --text', async () => {
    expect((await failure([])).code).toBe('E_USAGE');
    expect((await failure(['--text', NER, '--conllu', CONLLU])).code).toBe('E_USAGE');
  });

  it('names --beam when its width is not a whole number from 1 to 64', async () => {
    for (const bad of ['0', '65', '2.5', 'wide']) {
      const f = await failure(['--conllu', CONLLU, '--beam', bad]);
      expect(f.code).toBe('E_USAGE');
      expect(f.message).toContain('--beam');
      expect(f.message).toContain(`"${bad}"`);
    }
  });

  it('names the model file that is missing', async () => {
    const missing = join(dir, 'no-such-model.bin');
    const f = await failure(['--conllu', CONLLU, '--parser', missing]);
    expect(f.code).toBe('E_NOT_FOUND');
    expect(f.message).toContain(missing);
    expect(f.message).toContain('--parser');
  });
});

const haveModels = parserModelAvailable() && posModelAvailable() && existsSync(BEAM_PARSER_MODEL_PATH);
if (!haveModels) console.warn('skipping tag --parser model tests: models/pos.bin, parser.bin or parser-beam.bin missing');

describe.skipIf(!haveModels)('newsgraph tag --conllu with a chosen parser', () => {
  // These compare with the defaults: the variables a developer may have set must not apply.
  const saved = { model: process.env.NEWSGRAPH_PARSER_MODEL, beam: process.env.NEWSGRAPH_PARSER_BEAM };
  const restore = (name: string, v: string | undefined): void => {
    if (v === undefined) delete process.env[name];
    else process.env[name] = v;
  };
  beforeAll(() => {
    delete process.env.NEWSGRAPH_PARSER_MODEL;
    delete process.env.NEWSGRAPH_PARSER_BEAM;
  });
  afterAll(() => {
    restore('NEWSGRAPH_PARSER_MODEL', saved.model);
    restore('NEWSGRAPH_PARSER_BEAM', saved.beam);
  });

  it('refuses a beam width for the greedy model, naming it and the way out', async () => {
    const f = await failure(['--conllu', CONLLU, '--parser', 'greedy', '--beam', '3']);
    expect(f.code).toBe('E_USAGE');
    expect(f.message).toContain(PARSER_MODEL_PATH);
    expect(f.message).toMatch(/width 3.*greedy model.*--parser beam/);
    process.env.NEWSGRAPH_PARSER_BEAM = '3';
    try {
      expect((await failure(['--conllu', CONLLU])).code).toBe('E_USAGE');
    } finally {
      delete process.env.NEWSGRAPH_PARSER_BEAM;
    }
  });

  it('parses with the beam model, at its own width or the one asked for', async () => {
    const withParser = (width?: number): string => {
      const p = loadParser(BEAM_PARSER_MODEL_PATH, width);
      return tagConllu(INPUT, { tag: tagTokens, parse: (w, u, x) => p.parse(w, u, x) });
    };
    const greedy = await tag(['--conllu', CONLLU]);
    const beam = await tag(['--conllu', CONLLU, '--parser', 'beam']);
    const beam2 = await tag(['--conllu', CONLLU, '--parser', 'beam', '--beam', '2']);
    expect(beam).toBe(withParser());
    expect(beam2).toBe(withParser(2));
    expect(new Set([greedy, beam, beam2]).size).toBe(3);
  });

  it('parses plain text with the chosen parser (--text)', async () => {
    const text = join(dir, 'in.txt');
    writeFileSync(text, SENTENCES.map((ws) => ws.join(' ')).join('\n\n'));
    const greedy = await tag(['--text', text]);
    const beam = await tag(['--text', text, '--parser', 'beam']);
    const p = loadParser(BEAM_PARSER_MODEL_PATH);
    expect(beam).toBe(tagText(readFileSync(text, 'utf8'), (w, u, x) => p.parse(w, u, x)));
    expect(beam).not.toBe(greedy);
    expect(greedy.split('\n').filter((l) => l.startsWith('# sent_id'))).toHaveLength(2);
  });

  it('gives the default output for --parser greedy', async () => {
    expect(await tag(['--conllu', CONLLU, '--parser', 'greedy'])).toBe(await tag(['--conllu', CONLLU]));
  });
});
