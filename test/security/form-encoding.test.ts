/**
 * Form-encoded requests refuse what form encoding would lose (issue 22, item 13): an object input
 * used to be sent as an empty field, and a lone UTF-16 surrogate threw a raw `URIError`. Both are
 * now an error naming the input, never quoting its value, and nothing is sent.
 */
import nock from 'nock';
import { encodeForm } from '../../platforms/form-encoding';
import { exactInteger, TemplateValueError } from '../../platforms/template';
import { appTester, createOperation, searchOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';

const secret = 'rw_secret_form_encoding';
const authData = { platform: 'rewardful', api_key: secret };
const LONE = 'Sm\uD800ith'; // a high surrogate without its low half
const rewardful = () => nock('https://api.getrewardful.com', { reqheaders: { authorization: `Basic ${Buffer.from(`${secret}:`).toString('base64')}` } });
const createAffiliate = createOperation('create_affiliate').perform;
const person = { email: 'jane@shop.com', first_name: 'Jane', last_name: 'Doe' };

afterEach(() => nock.cleanAll());

describe('Rewardful Create Affiliate (form-encoded)', () => {
  it.each([
    ['an object', { first_name: { given: 'Jane', family: 'Doe' } }, '{{first_name}}', /is a group of values \(an object\)/],
    ['a list holding an object', { first_name: [{ given: 'Jane' }] }, '{{first_name}}', /is a group of values \(an object\)/],
    ['a lone surrogate', { last_name: LONE }, '{{last_name}}', /holds a broken character \(a lone UTF-16 surrogate\)/],
  ])('refuses %s, naming the input and sending nothing', async (_case, inputs, input, reason) => {
    const scope = rewardful().post('/v1/affiliates').reply(200, { id: 'a1' });
    const message = await rejectionMessage(appTester(createAffiliate, { authData, inputData: { ...person, ...inputs } }));
    expect(message).toMatch(/^Rewardful cannot use a value of this step: /);
    expect(message).toContain(input);
    expect(message).toMatch(reason);
    expect(message).not.toMatch(/Jane|given|family|Sm.?ith|URI malformed/);
    expect(scope.isDone()).toBe(false);
  });

  it('still sends plain text form-encoded, exactly as before', async () => {
    const scope = rewardful().post('/v1/affiliates', "first_name=Jos%C3%A9&last_name=O'Neil%20%F0%9F%98%80&email=jose%40shop.com").reply(200, { id: 'a1', email: 'jose@shop.com' });
    await appTester(createAffiliate, { authData, inputData: { email: 'jose@shop.com', first_name: 'José', last_name: "O'Neil 😀" } });
    expect(scope.isDone()).toBe(true);
  });
});

describe('URL-encoded values beyond form bodies', () => {
  it('a lone surrogate in a query value (Find Affiliate by email) is refused by name', async () => {
    const scope = rewardful().get('/v1/affiliates').query(true).reply(200, { data: [] });
    const message = await rejectionMessage(appTester(searchOperation('find_affiliate').perform, { authData, inputData: { email: `a${LONE}@shop.com` } }));
    expect(message).toMatch(/^Rewardful cannot use a value of this step: \{\{email\}\} holds a broken character/);
    expect(scope.isDone()).toBe(false);
  });

  it('a lone surrogate in a path value (Approve Affiliate) is refused by name', async () => {
    const scope = rewardful().put(/.*/).reply(200, { id: 'a1', state: 'active' });
    const message = await rejectionMessage(appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: '\uDC00' } }));
    expect(message).toMatch(/^Rewardful cannot use a value of this step: \{\{affiliate\}\} holds a broken character/);
    expect(message).not.toMatch(/URI malformed/);
    expect(scope.isDone()).toBe(false);
  });
});

describe('encodeForm', () => {
  it('repeats a list field, writes an exact integer as its digits and leaves paired surrogates alone', () => {
    const big = exactInteger('9007199254740993');
    expect(encodeForm({ 'ids[]': [1, big], name: '😀', on: true }, { 'ids[]': ['{{a}}', '{{b | integer}}'], name: '{{name}}', on: true })).toBe(
      'ids%5B%5D=1&ids%5B%5D=9007199254740993&name=%F0%9F%98%80&on=true',
    );
  });

  it('names every input of a refused field, or the field itself when no input fills it', () => {
    expect(() => encodeForm({ name: { a: 1 } }, { name: '{{first_name}} {{last_name}}' })).toThrow(
      new TemplateValueError('{{first_name}}, {{last_name}} is a group of values (an object), not one value: map a single value, so it cannot be sent as the field "name"'),
    );
    expect(() => encodeForm({ fixed: '\uDFFF' }, { fixed: '\uDFFF' })).toThrow(/^"fixed" holds a broken character/);
  });
});
