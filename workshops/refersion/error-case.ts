/** Refersion in the error table: approving a conversion, and Refersion's 422 body `{"errors": [...]}` [DOC via harvest: /conversion/status_change]. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Refersion',
  authData: { platform: 'refersion', api_key: 'sec_errors', public_key: 'pub_errors' },
  action: 'approve_referral',
  inputData: { referral_id: '987654321' },
  origin: 'https://api.refersion.com',
  method: 'post',
  path: '/v2/conversion/status_change',
  errorBody: (message) => ({ errors: [message] }),
};
