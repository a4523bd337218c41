import { describe, expect, it } from 'vitest';
import { readablePhone, telHref } from './phone-display.ts';

describe('phone numbers for reading', () => {
  it.each([
    ['+33299123456', '02 99 12 34 56'],
    ['+33612345678', '06 12 34 56 78'],
    ['02.99.12.34.56', '02 99 12 34 56'],
    ['+590590123456', '05 90 12 34 56'],
    ['+687123456', '+687 12 34 56'],
    ['appelez la mairie', 'appelez la mairie'],
  ])('%s reads %s', (stored, shown) => {
    expect(readablePhone(stored)).toBe(shown);
  });

  it('dials the E.164 form', () => {
    expect(telHref('02 99 12 34 56')).toBe('tel:+33299123456');
    expect(telHref('+33299123456')).toBe('tel:+33299123456');
  });
});
