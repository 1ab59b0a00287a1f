/** Tolt in the error table: approving a commission, and Tolt's v2 error body [DOC: api-reference/errors]. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Tolt',
  authData: { platform: 'tolt', api_key: 'tlt_live_errors' },
  action: 'approve_referral',
  inputData: { referral_id: 'comm_1234567890' },
  origin: 'https://platform.tolt.com',
  method: 'post',
  path: '/v2/commissions/comm_1234567890/approve',
  errorBody: (message) => ({ success: false, message, code: 'bad_request', doc_url: 'https://docs.tolt.com/errors#bad_request' }),
};
