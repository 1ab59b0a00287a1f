/** UpPromote in the error table: an action that names an id, its request, and how the vendor words an error. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'UpPromote',
  authData: { platform: 'uppromote', api_key: 'upk_errors' },
  action: 'approve_referral',
  inputData: { referral_id: '1781959' },
  origin: 'https://aff-api.uppromote.com',
  method: 'post',
  path: '/api/v2/referral/1781959/status',
  errorBody: (message) => ({ status: 0, message }),
};
