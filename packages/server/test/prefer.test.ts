import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../src/http/prefer.js';

describe('parsePrefer', () => {
  it('reads names, values and quoted values, ignoring parameters and case of names', () => {
    expect(parsePrefer('return=minimal')).toEqual({ return: 'minimal' });
    expect(parsePrefer(' Return = "minimal" ; foo=bar, respond-async, wait=10')).toEqual({
      return: 'minimal',
      'respond-async': '',
      wait: '10',
    });
  });

  it('keeps the first of a repeated preference and reads nothing from an empty or missing header', () => {
    expect(parsePrefer('return=minimal, return=representation')).toEqual({ return: 'minimal' });
    expect(parsePrefer('')).toEqual({});
    expect(parsePrefer(undefined)).toEqual({});
    expect(parsePrefer(' , ;x=1')).toEqual({});
  });
});
