/** Tapfiliate in the error table: approving a commission, and the `{"message"}` error body the API-Evangelist harvest shows [3P]. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Tapfiliate',
  authData: { platform: 'tapfiliate', api_key: 'tapfiliate_errors_key' },
  action: 'approve_referral',
  inputData: { referral_id: '1027047' },
  origin: 'https://api.tapfiliate.com',
  method: 'put',
  path: '/1.6/commissions/1027047/approved/',
  errorBody: (message) => ({ message }),
};
