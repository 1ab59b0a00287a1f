/** __NAME__ in the error table. NEW-PLATFORM-TODO: an action that names an id, its request, and the vendor's documented error body. */
import type { ErrorCase } from '../../test/reliability/error-case';

export const errorCase: ErrorCase = {
  name: '__NAME__',
  authData: { platform: '__ID__', api_key: 'NEW-PLATFORM-TODO' },
  action: 'approve_affiliate',
  inputData: { affiliate: '1' },
  origin: 'https://api.__ID__.example',
  method: 'post',
  path: '/v1/NEW-PLATFORM-TODO',
  errorBody: (message) => ({ message }),
};
