/** Tamio in the error table: an action that names an id, its request, and how the vendor words an error. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: 'Tamio',
  authData: { platform: 'tamio', api_key: 'sk_tamio_errors' },
  action: 'approve_affiliate',
  inputData: { affiliate: 'a5af6690-1622-4726-b201-f829df269d28' },
  origin: 'https://api.tamio.com',
  method: 'post',
  path: '/v2/affiliates/approve/a5af6690-1622-4726-b201-f829df269d28',
  errorBody: (message) => ({ status: 0, error: message, error_code: 1002 }),
};
