// How the linker types names the tagger called places, organisations or persons
// (named-mentions.ts with place-evidence.ts). Our own sentences; the tags are the mistakes the CoNLL-trained tagger makes
// on today's news, given by hand.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/record.js';
import { linkTagged } from './link.test-util.js';

const link = linkTagged;

const typeOf = (es: Entity[], name: string): string | undefined => es.find((e) => e.mentions.some((m) => m.text === name))?.type;

describe('names the tagger calls places', () => {
  it('are their country when they are a people\'s adjective, and the body after one is its government', () => {
    const es = link(['The/DT Philippine/JJ government/NN seized/VBD the/DT shares/NNS ./.'], [['Philippine', 'LOC']]);
    expect(es.find((e) => e.code === 'PHLGOV')?.name).toBe('Philippine government');
    expect(es.some((e) => e.type === 'MISC')).toBe(false);
  });

  it('are no place without a sign of one', () => {
    const es = link(['Users/NNS of/IN Linux/NNP draw/VBP up/RP their/PRP$ own/JJ menu/NN ./.'], [['Linux', 'LOC']]);
    expect(typeOf(es, 'Linux')).toBe('MISC');
  });

  it('stay places when the gazetteer knows them, a place word ends them, or a preposition places them', () => {
    const es = link(
      ['Families/NNS from/IN Kok-Tash/NNP slept/VBD near/IN Ak-Suu/NNP and/CC at/IN Lansdowne/NNP Road/NNP ,/, not/RB in/IN Batken/NNP ./.'],
      [['Kok-Tash', 'LOC'], ['Ak-Suu', 'LOC'], ['Lansdowne Road', 'LOC'], ['Batken', 'LOC']],
    );
    for (const name of ['Kok-Tash', 'Ak-Suu', 'Lansdowne Road', 'Batken']) expect([name, typeOf(es, name)]).not.toEqual([name, 'MISC']);
  });

  it('include a name the tagger calls MISC when it is shelled or captured, but not an event "withdrawn from"', () => {
    const es = link(['Tajik/JJ forces/NNS shelled/VBD Kok-Tash/NNP and/CC the/DT pair/NN withdrew/VBD from/IN the/DT Olympics/NNPS ./.'], [['Kok-Tash', 'MISC'], ['Olympics', 'MISC']]);
    expect(typeOf(es, 'Kok-Tash')).toBe('LOC');
    expect(typeOf(es, 'Olympics')).toBe('MISC');
  });

  it('join the organisation the tagger also found under that name', () => {
    const es = link(
      ['Sony/NNP said/VBD sales/NNS rose/VBD ./.', 'Analysts/NNS expect/VBP Sony/NNP to/TO gain/VB ./.'],
      [['Sony', 'ORG'], ['Sony', 'LOC', 1]],
    );
    expect(es.filter((e) => e.mentions.some((m) => m.text === 'Sony')).map((e) => [e.type, e.mentions.length])).toEqual([['ORG', 2]]);
  });

  it('are the company the knowledge knows by that name, unless the article puts something there', () => {
    const es = link(['Analysts/NNS expect/VBP Sony/NNP to/TO gain/VB ./.'], [['Sony', 'LOC']]);
    expect(es.find((e) => e.name === 'Sony')).toMatchObject({ type: 'ORG', code: 'JPNBUS' });
    const river = link(['Fires/NNS burned/VBD in/IN the/DT Amazon/NNP ./.'], [['Amazon', 'LOC']]);
    expect(typeOf(river, 'Amazon')).not.toBe('ORG');
  });

  it('are the town\'s club after a player\'s role, in a fixture or in a team list', () => {
    const es = link(
      ['Leicester/NNP duo/NN Ollie/NNP Smith/NNP will/MD start/VB ./.', 'Bath/NNP v/CC Leeds/NNP ,/, Carlisle/NNP v/CC Exeter/NNP ./.'],
      [['Leicester', 'LOC'], ['Ollie Smith', 'PER'], ['Bath', 'LOC'], ['Leeds', 'LOC'], ['Carlisle', 'LOC'], ['Exeter', 'LOC']],
    );
    for (const club of ['Leicester', 'Bath', 'Leeds', 'Carlisle', 'Exeter']) expect([club, typeOf(es, club)]).toEqual([club, 'ORG']);
  });
});

describe('names the tagger calls organisations', () => {
  it('stay organisations where nothing places them, whatever town shares the name', () => {
    const es = link(
      ['Halifax/NNP said/VBD prices/NNS rose/VBD ./.', 'The/DT ILO/NNP estimated/VBD the/DT losses/NNS ./.'],
      [['Halifax', 'ORG'], ['ILO', 'ORG']],
    );
    expect(typeOf(es, 'Halifax')).toBe('ORG');
    expect(typeOf(es, 'ILO')).toBe('ORG');
  });

  it('are the place when a preposition or a list of places puts them there', () => {
    const es = link(
      ['Temperatures/NNS passed/VBD 40C/CD in/IN Paris/NNP ,/, Lyon/NNP and/CC Marseille/NNP ./.', 'Rabat/NNP and/CC Casablanca/NNP sent/VBD teams/NNS ./.'],
      [['Paris', 'LOC'], ['Lyon', 'ORG'], ['Marseille', 'ORG'], ['Rabat', 'LOC'], ['Casablanca', 'ORG']],
    );
    for (const city of ['Lyon', 'Marseille', 'Casablanca']) expect([city, typeOf(es, city)]).not.toEqual([city, 'ORG']);
  });
});

describe('names after an honorific', () => {
  it('are persons whatever the tagger called them, inside its span or just before it', () => {
    const es = link(
      ['Analysts/NNS met/VBD Mr./NNP Trump/NNP and/CC Dr./NNP Fauci/NNP ./.', 'Mr./NNP Trump/NNP urged/VBD Ms./NNP Lagarde/NNP to/TO act/VB ./.'],
      [['Mr. Trump', 'ORG'], ['Fauci', 'LOC'], ['Mr. Trump', 'MISC', 1], ['Lagarde', 'ORG']],
    );
    const trump = es.filter((e) => e.mentions.some((m) => m.text === 'Trump'));
    expect(trump.map((e) => [e.type, e.mentions.length])).toEqual([['PERSON', 2]]);
    expect(typeOf(es, 'Fauci')).toBe('PERSON');
    expect(typeOf(es, 'Lagarde')).toBe('PERSON');
  });

  it('keep their tag after honorifics that also open the names of contests and places', () => {
    const es = link(['She/PRP won/VBD Miss/NNP World/NNP in/IN London/NNP ./.'], [['Miss World', 'MISC'], ['London', 'LOC']]);
    expect(typeOf(es, 'Miss World')).toBe('MISC');
  });
});

describe('one-word names the tagger calls persons', () => {
  it('are the firm or body the knowledge knows by that name', () => {
    const es = link(['Firms/NNS like/IN Dell/NNP and/CC Oxfam/NNP agreed/VBD ./.'], [['Dell', 'PER'], ['Oxfam', 'PER']]);
    expect(es.find((e) => e.name === 'Dell')).toMatchObject({ type: 'ORG', code: 'USABUS' });
    expect(typeOf(es, 'Oxfam')).toBe('ORG');
  });

  it('stay persons when a longer name of the article holds them, or the body is an armed group', () => {
    const es = link(['Michael/NNP Dell/NNP spoke/VBD ./.', 'Dell/NNP said/VBD he/PRP listens/VBZ to/TO Wagner/NNP ./.'], [['Michael Dell', 'PER'], ['Dell', 'PER', 1], ['Wagner', 'PER']]);
    expect(typeOf(es, 'Dell')).toBe('PERSON');
    expect(typeOf(es, 'Wagner')).toBe('PERSON');
  });
});

describe('longer names the tagger calls persons', () => {
  it('are the body when the knowledge knows the whole name as a firm or a state body, and so is a word of it alone', () => {
    const es = link(
      ['Downing/NNP Street/NNP said/VBD Freddie/NNP Mac/NNP and/CC Drexel/NNP Burnham/NNP met/VBD Tony/NNP Blair/NNP ./.', 'Drexel/NNP agreed/VBD ./.'],
      [['Downing Street', 'PER'], ['Freddie Mac', 'PER'], ['Drexel Burnham', 'PER'], ['Tony Blair', 'PER'], ['Drexel', 'PER', 1]],
    );
    expect(es.find((e) => e.name === 'Downing Street')).toMatchObject({ type: 'ORG', code: 'GBRGOV' });
    for (const name of ['Freddie Mac', 'Drexel Burnham']) expect([name, typeOf(es, name)]).toEqual([name, 'ORG']);
    expect(es.filter((e) => e.mentions.some((m) => m.text === 'Drexel')).map((e) => e.type)).toEqual(['ORG']);
    expect(typeOf(es, 'Tony Blair')).toBe('PERSON');
  });
});

