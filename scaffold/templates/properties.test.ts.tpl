/**
 * __NAME__'s delivery properties through the dashboard webhook trigger. NEW-PLATFORM-TODO: the
 * vendor's documented payloads from ./fixtures/, signed as its documents say (a REST-hook platform
 * calls `describeWebhookProperties(kit)` from test/reliability/webhook-properties instead). Until
 * then it checks the scaffold's guess: `X-Signature`, hex HMAC-SHA256 of the raw body.
 */
import { hmacHex } from '../../test/helpers/deliveries';
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';

const SECRET = '__ID___signing_secret_property';

describeDashboardProperties({
  id: '__ID__',
  authData: { platform: '__ID__', api_key: '__ID___key_property' },
  secret: () => SECRET,
  sign: (rawBody) => ({ 'X-Signature': hmacHex(SECRET, rawBody) }),
  deliveries: [
    {
      vendorEvent: 'affiliate.created',
      body: { event: 'affiliate.created', data: { id: 'aff_0001', email: 'jamie.rivera@example.com', name: 'Jamie Rivera' } },
      expected: { event: 'affiliate.created', id: 'aff_0001', email: 'jamie.rivera@example.com' },
    },
  ],
});
