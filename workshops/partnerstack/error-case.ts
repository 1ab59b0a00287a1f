/** PartnerStack in the error table: an action that names an id, its request, and how the vendor words an error. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'PartnerStack',
  authData: { platform: 'partnerstack', api_key: 'sk_errors', public_key: 'pk_errors' },
  action: 'approve_affiliate',
  inputData: { affiliate: 'appl_8WePUs6tWFsW4h' },
  origin: 'https://api.partnerstack.com',
  method: 'patch',
  path: '/api/v2/applications/appl_8WePUs6tWFsW4h/decision',
  errorBody: (message) => ({ message, status: 'error' }),
};
