/**
 * An id never leaves its path segment (issue 12, finding 7): `..` as a referral id made
 * approve_referral send `POST /api/v2/status`. Dot segments and blank values are refused before
 * any request, with a message saying which value.
 */
import nock from 'nock';
import { renderPath } from '../../platforms/template';
import { appTester, createOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { upPromoteKit } from '../../workshops/uppromote/kit';

describe('dot segments in path placeholders', () => {
  it.each(['..', '.', ' .. ', '   '])('approve_referral with referral id %j sends nothing and says why', async (id) => {
    const scope = upPromoteKit.api().post(/.*/).reply(200, { status: 200, message: 'success' });
    const message = await rejectionMessage(appTester(createOperation('approve_referral').perform, { authData: upPromoteKit.authData, inputData: { referral_id: id } }));
    expect(scope.isDone()).toBe(false);
    expect(message).toMatch(/^UpPromote (cannot use a value of this step: \{\{referral_id\}\} is ".*", which is not an ID|needs a value this step did not provide: Missing value for \{\{referral_id\}\})/);
    nock.cleanAll();
  });

  it('keeps ids that merely contain dots, and encodes slashes', () => {
    expect(renderPath('/referral/{{id}}/status', { id: 'a..b' })).toBe('/referral/a..b/status');
    expect(renderPath('/referral/{{id}}/status', { id: '../x' })).toBe('/referral/..%2Fx/status');
    expect(() => renderPath('/referral/{{id}}/status', { id: '..' })).toThrow('{{id}} is ".."');
  });
});
