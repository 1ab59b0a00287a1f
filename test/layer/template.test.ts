/** Request templates: typed whole placeholders, dropped keys for missing inputs, filters. */
import { renderObject, renderPath } from '../../platforms/template';

describe('request templates', () => {
  it('keeps the type of a value that fills a whole placeholder and interpolates text otherwise', () => {
    expect(renderObject({ id: '{{id}}', label: 'Referral {{id}}', fixed: 1 }, { id: 42 })).toEqual({ id: 42, label: 'Referral 42', fixed: 1 });
  });

  it('drops keys whose placeholders have no value, so optional inputs are not sent empty', () => {
    expect(renderObject({ email: '{{email}}', first_name: '{{first_name}}', note: 'by {{who}}' }, { email: 'a@b.co', first_name: '' })).toEqual({
      email: 'a@b.co',
    });
  });

  it('keeps the parts that are present when text joins several placeholders', () => {
    const name = { name: '{{first_name}} {{last_name}}' };
    expect(renderObject(name, { first_name: 'Nia' })).toEqual({ name: 'Nia' });
    expect(renderObject(name, { first_name: 'Nia', last_name: 'Okafor' })).toEqual({ name: 'Nia Okafor' });
    expect(renderObject(name, {})).toEqual({});
  });

  it('converts major units to cents and numeric text to numbers', () => {
    expect(renderObject({ amount: '{{sale_amount | cents}}', program_id: '{{program_id | number}}' }, { sale_amount: '120.50', program_id: '29486' })).toEqual({
      amount: 12050,
      program_id: 29486,
    });
    expect(renderObject({ amount: '{{sale_amount | cents}}' }, { sale_amount: 'lots' })).toEqual({});
  });

  it('URL-encodes path values and refuses a path with a missing part', () => {
    expect(renderPath('/affiliates/approve/{{affiliate}}', { affiliate: 'a/b c' })).toBe('/affiliates/approve/a%2Fb%20c');
    expect(() => renderPath('/referral/{{referral_id}}/status', {})).toThrow('Missing value for {{referral_id}}');
  });
});
