/** Dub Partners in the error table: Deny Referral (`PATCH /commissions/{id}`) and the documented error body `{error: {code, message, doc_url}}`. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Dub Partners',
  authData: { platform: 'dub', api_key: 'dub_test_errors' },
  action: 'deny_referral',
  inputData: { referral_id: 'cm_1K09DJTBCRT24P6BRD515CK29', denial_status: 'fraud' },
  origin: 'https://api.dub.co',
  method: 'patch',
  path: '/commissions/cm_1K09DJTBCRT24P6BRD515CK29',
  errorBody: (message) => ({ error: { code: 'bad_request', message, doc_url: 'https://dub.co/docs/api-reference/errors#bad-request' } }),
};
