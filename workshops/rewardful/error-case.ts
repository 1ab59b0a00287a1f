/** Rewardful in the error table: Mark Payout Paid (`PUT /v1/payouts/:id/pay`) and Rewardful's documented `{"error": …}` body. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Rewardful',
  authData: { platform: 'rewardful', api_key: 'rf_secret_errors' },
  action: 'mark_payout_paid',
  inputData: { payout_id: '3b03791a-3fb5-4bd6-8ec3-614c9fd978ca' },
  origin: 'https://api.getrewardful.com',
  method: 'put',
  path: '/v1/payouts/3b03791a-3fb5-4bd6-8ec3-614c9fd978ca/pay',
  errorBody: (message) => ({ error: message }),
};
