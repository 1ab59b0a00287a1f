import nock from 'nock';
import { appTester, createOperation } from '../helpers/app';
import { upPromoteKit } from '../platforms/uppromote.kit';
it('debug', async () => {
  nock.emitter.on('no match', (req: { method?: string; path?: string; requestBodyBuffers?: Buffer[] }, _o: unknown, body: unknown) => console.log('NOMATCH', req.method, req.path, body));
  upPromoteKit.api().post('/api/v2/referrals').reply(200, { status: 200, message: 'success', data: {} });
  await appTester(createOperation('create_referral').perform as never, { authData: upPromoteKit.authData, inputData: { affiliate: 'test233@gmail.com', order_id: '5532408922361', commission_amount: 15 } }).catch((e: unknown) => console.log('ERR', String(e)));
});
