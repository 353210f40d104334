import { describe, expect, it } from 'vitest';
import { normaliseIso, readDate, readDateLine } from './isodate.js';

describe('machine dates', () => {
  it('minutes precision, seconds only when nonzero, offset only when stated', () => {
    expect(normaliseIso('2020-12-09T22:13:00+05:00')).toBe('2020-12-09T22:13+05:00');
    expect(normaliseIso('2020-12-09T22:13:07.123Z')).toBe('2020-12-09T22:13:07Z');
    expect(normaliseIso('2020-12-09 22:13:00')).toBe('2020-12-09T22:13');
    expect(normaliseIso('2020-12-09T22:13:00+0500')).toBe('2020-12-09T22:13+05:00');
    expect(normaliseIso('2020-12-09')).toBe('2020-12-09');
  });

  it('keeps the raw string as text', () => {
    expect(readDate(' 2020-12-09T22:13:00+05:00 ')).toEqual({ value: '2020-12-09T22:13+05:00', text: '2020-12-09T22:13:00+05:00' });
  });

  it('reads the RFC 2822 form with its offset', () => {
    expect(readDate('Wed, 09 Dec 2020 22:13:00 -0600')?.value).toBe('2020-12-09T22:13-06:00');
  });

  it('rejects a placeholder date instead of salvaging it', () => {
    expect(readDate('0001-01-01T00:00:00Z')).toBeNull();
  });
});

describe('visible date lines', () => {
  it('reads a time-first line', () => {
    expect(readDateLine('Published 10:02 AM EST Dec 9, 2020')?.value).toBe('2020-12-09T10:02-05:00');
  });

  it('reads an ordinary date line', () => {
    expect(readDateLine('December 9, 2020')?.value).toBe('2020-12-09');
  });
});
