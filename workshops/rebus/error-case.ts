/** Rebus AI in the error table: an action that names an id, its request, and how the vendor words an error. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Rebus AI',
  authData: { platform: 'rebus', api_key: 'sk_test_errors' },
  action: 'mark_payout_paid',
  inputData: { payout_id: '901' },
  origin: 'https://rebusai.com',
  method: 'post',
  path: '/api/v1/affiliate/payouts/901/process/',
  errorBody: (message) => ({ success: false, error: { code: 'error', message } }),
};
