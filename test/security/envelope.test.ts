/**
 * An HTTP 200 that carries an error is an error (issue 12, finding 6): the platform's `envelope`
 * says where its own verdict sits (Rebus AI `success`, UpPromote `status`), and a 2xx body that is
 * not JSON never reads as done. Actions and lists both read it.
 */
import { appTester, createOperation, triggerOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { rebusKit } from '../../workshops/rebus/kit';
import { upPromoteKit } from '../../workshops/uppromote/kit';

const runAction = (action: string, authData: Record<string, string>, inputData: Record<string, unknown>) =>
  appTester(createOperation(action).perform, { authData, inputData });

describe('actions read the vendor envelope, not only the HTTP status', () => {
  it('Rebus AI Mark Payout Paid with {"success": false} and HTTP 200 fails, never outputs status "paid"', async () => {
    const scope = rebusKit
      .api()
      .post('/api/v1/affiliate/payouts/901/process/')
      .reply(200, { success: false, message: 'Payout 901 is not pending' });
    const message = await rejectionMessage(runAction('mark_payout_paid', rebusKit.authData, { payout_id: '901' }));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^Rebus AI answered POST \/payouts\/901\/process\/ \(HTTP 200\) with an error, so it is not known to have worked \("Payout 901 is not pending"\)/);
  });

  it('UpPromote Approve Referral with {"status": 404, …} and HTTP 200 fails, never outputs "approved"', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/referral/1781959/status', { status: 'approved' })
      .reply(200, { status: 404, message: 'Referral not found' });
    const message = await rejectionMessage(runAction('approve_referral', upPromoteKit.authData, { referral_id: '1781959' }));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^UpPromote answered .* \(HTTP 200\) with an error \(status 404\).*"Referral not found"/);
  });

  it('UpPromote Approve Referral with an HTML page and HTTP 200 fails, naming UpPromote', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/referral/1781959/status', { status: 'approved' })
      .reply(200, '<!doctype html><html><body>Maintenance</body></html>', { 'Content-Type': 'text/html' });
    const message = await rejectionMessage(runAction('approve_referral', upPromoteKit.authData, { referral_id: '1781959' }));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^UpPromote answered .* \(HTTP 200\) with an answer that is not JSON.*Maintenance/);
  });

  it('a successful envelope still gives the record', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/referral/1781959/status', { status: 'approved' })
      .reply(200, { status: 200, message: 'success', data: { id: 1781959, status: 'approved' } });
    const result = await runAction('approve_referral', upPromoteKit.authData, { referral_id: '1781959' });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '1781959', status: 'approved' });
  });
});

describe('lists read the vendor envelope', () => {
  it('UpPromote performList with {"status": 500} and HTTP 200 fails instead of showing no items', async () => {
    const scope = upPromoteKit
      .api()
      .get('/api/v2/referrals')
      .query(true)
      .reply(200, { status: 500, message: 'Internal error', data: [] });
    const message = await rejectionMessage(appTester(triggerOperation('new_referral').performList, { authData: upPromoteKit.authData }));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^UpPromote answered GET \/referrals \(HTTP 200\) with an error \(status 500\)/);
  });

  it('Rebus AI performList with an HTML page and HTTP 200 fails, naming Rebus AI', async () => {
    const scope = rebusKit.api().get('/api/v1/affiliate/commissions/').query(true).reply(200, '<html>Login</html>');
    const message = await rejectionMessage(appTester(triggerOperation('new_referral').performList, { authData: rebusKit.authData }));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^Rebus AI answered GET \/commissions\/ \(HTTP 200\) with an answer that is not JSON/);
  });
});
