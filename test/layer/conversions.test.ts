/**
 * The named conversions (platforms/conversions.ts), above all the one time rule every field map
 * uses: ISO-8601 text, epoch seconds and epoch milliseconds (numbers or numeric text), told apart
 * by magnitude, and nothing readable dropped.
 */
import { convert, EPOCH_SECONDS_BELOW, toTime } from '../../platforms/conversions';

const ISO = '2023-11-14T22:13:20.000Z';

describe('toTime', () => {
  it.each([
    ['epoch seconds', 1700000000],
    ['epoch milliseconds', 1700000000000],
    ['epoch seconds as text', '1700000000'],
    ['epoch milliseconds as text', '1700000000000'],
    ['numeric text with spaces', ' 1700000000 '],
    ['ISO-8601 UTC', '2023-11-14T22:13:20Z'],
    ['ISO-8601 with milliseconds', ISO],
    ['ISO-8601 with an offset', '2023-11-15T00:13:20+02:00'],
  ])('reads %s', (_case, value) => {
    expect(toTime(value)).toBe(ISO);
  });

  it('keeps fractions of a second in epoch seconds', () => {
    expect(toTime(1700000000.25)).toBe('2023-11-14T22:13:20.250Z');
  });

  it('tells seconds from milliseconds at the documented magnitude', () => {
    // Just below the bound: seconds (year 5138); at it: milliseconds (1973).
    expect(toTime(EPOCH_SECONDS_BELOW - 1)).toBe(new Date((EPOCH_SECONDS_BELOW - 1) * 1000).toISOString());
    expect(toTime(EPOCH_SECONDS_BELOW)).toBe('1973-03-03T09:46:40.000Z');
  });

  it('reads the epoch itself and times before it', () => {
    expect(toTime(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toTime(-86400)).toBe('1969-12-31T00:00:00.000Z');
  });

  it.each([
    ['an empty string', ''],
    ['blank text', '   '],
    ['text that is no date', 'not a date'],
    ['a boolean', true],
    ['an object', { seconds: 1700000000 }],
    ['a number out of Date range', 1e20],
    ['NaN', Number.NaN],
  ])('leaves out what it cannot read: %s', (_case, value) => {
    expect(toTime(value)).toBeUndefined();
  });
});

describe('convert', () => {
  it.each(['time', 'epoch_ms', 'epoch_s', 'iso'] as const)('%s is the one time rule', (conversion) => {
    expect(convert(1700000000, conversion)).toBe(ISO);
    expect(convert(1700000000000, conversion)).toBe(ISO);
    expect(convert('1700000000', conversion)).toBe(ISO);
    expect(convert('2023-11-14T22:13:20Z', conversion)).toBe(ISO);
  });

  it('reads money in major and minor units, numbers or text', () => {
    expect(convert('245.00', 'decimal')).toBe(245);
    expect(convert(1250, 'minor_units')).toBe(12.5);
    expect(convert('1250', 'minor_units')).toBe(12.5);
    expect(convert('twelve', 'decimal')).toBeUndefined();
  });

  it('turns scalars into text and currency codes into upper case', () => {
    expect(convert(1782101, 'text')).toBe('1782101');
    expect(convert(false, 'text')).toBe('false');
    expect(convert('usd', 'upper')).toBe('USD');
    expect(convert(null, 'text')).toBeUndefined();
  });
});
