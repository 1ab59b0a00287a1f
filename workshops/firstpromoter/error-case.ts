/** FirstPromoter in the error table: Approve Referral (a bulk call with one id) and the documented error body `{message, code}`. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'FirstPromoter',
  authData: { platform: 'firstpromoter', api_key: 'fp_test_errors', account_id: 'acc_errors' },
  action: 'approve_referral',
  inputData: { referral_id: '13533003' },
  origin: 'https://api.firstpromoter.com',
  method: 'post',
  path: '/api/v2/company/commissions/approve',
  errorBody: (message) => ({ message, code: 'invalid_params' }),
};
