/**
 * PartnerStack, as its documents describe it (shared/platforms/README.md section 3): HTTP Basic
 * with public key : secret key; `POST /api/v2/webhooks {target, events}` answered with the
 * webhook `key` in the `{data, message, status}` envelope; `DELETE /api/v2/webhooks/{key}`.
 * PartnerStack signs nothing, so it proves nothing beyond POSTing to the exact URL it was given:
 * the kit delivers to the target URL registered at subscribe, query included.
 */
import nock from 'nock';
import type { PlatformKit, StoredSubscription } from '../../test/platforms/kit';
import partnershipCreated from './fixtures/partnership_created.json';
import applicationCreated from './fixtures/application_created.json';
import applicationApproved from './fixtures/application_approved.json';
import applicationDeclined from './fixtures/application_declined.json';
import customerUpdated from './fixtures/customer_updated.v1.json';
import transactionCreated from './fixtures/transaction.created.json';

export const PARTNERSTACK_PUBLIC_KEY = 'pk_3kQv8TnR2wXa';
export const PARTNERSTACK_SECRET_KEY = 'sk_7HmZ4cLp9YbE';
export const PARTNERSTACK_ORIGIN = 'https://api.partnerstack.com';

/** `Authorization: Basic base64(public_key:secret_key)` [DOC: docs.partnerstack.com/docs/authentication]. */
export const PARTNERSTACK_BASIC = `Basic ${Buffer.from(`${PARTNERSTACK_PUBLIC_KEY}:${PARTNERSTACK_SECRET_KEY}`).toString('base64')}`;

/**
 * v1 spellings a body may carry for a dotted subscription [DOC: the current guide's sample for
 * partnership.created says `"event": "partnership_created"`; v1 guides list customer_*].
 */
const V1_NAMES: Record<string, string> = {
  'partnership.created': 'partnership_created',
  'partnership.updated': 'partnership_updated',
  'customer.updated': 'customer_updated',
  'application.created': 'application_created',
  'application.approved': 'application_approved',
  'application.declined': 'application_declined',
};

/** Target URLs PartnerStack was given, by webhook key: where it POSTs deliveries. */
const registered = new Map<string, string>();
let created = 0;

function targetOf(stored: StoredSubscription): URL {
  const key = stored.subscriptions[0]?.id ?? '';
  return new URL(registered.get(key) ?? 'https://hooks.zapier.com/unregistered');
}

export const partnerStackKit: PlatformKit = {
  id: 'partnerstack',
  authData: { platform: 'partnerstack', public_key: PARTNERSTACK_PUBLIC_KEY, api_key: PARTNERSTACK_SECRET_KEY },
  api: () => nock(PARTNERSTACK_ORIGIN, { reqheaders: { authorization: PARTNERSTACK_BASIC } }),
  expectSubscribe(scope, event) {
    const key = `whk_${(created += 1)}Tq8ZbN`;
    scope
      .post('/api/v2/webhooks', (body: { target?: string; events?: unknown }) => {
        const url = new URL(body.target ?? '');
        const ok = url.host === 'hooks.zapier.com' && Array.isArray(body.events) && body.events.length === 1 && body.events[0] === event;
        if (ok) registered.set(key, url.toString());
        return ok;
      })
      .reply(200, { data: { key, target: 'stored', events: [event], created_at: 1707403201441 }, message: 'Webhook created', status: 200 });
  },
  expectUnsubscribe(scope, stored) {
    for (const subscription of stored.subscriptions) {
      scope.delete(`/api/v2/webhooks/${subscription.id ?? ''}`).reply(200, { message: 'Webhook archived', status: 200 });
    }
  },
  deliver(vendorEvent, body, stored) {
    // The body names its event: keep a documented spelling of it, else write the event's own name.
    const named = body.event === vendorEvent || body.event === V1_NAMES[vendorEvent] ? body.event : vendorEvent;
    const rawBody = JSON.stringify({ ...body, event: named });
    return { rawBody, headers: {}, query: Object.fromEntries(targetOf(stored).searchParams) };
  },
  forgery: 'token',
  deliveries: [
    {
      vendorEvent: 'partnership.created',
      body: partnershipCreated,
      expected: {
        event: 'affiliate.created',
        id: 'JohnSmith',
        email: '[email protected]',
        first_name: 'John',
        last_name: 'Smith',
        name: 'John Smith',
        program_id: '22',
        program_name: 'Top Sellers',
      },
    },
    {
      vendorEvent: 'application.approved',
      body: applicationApproved,
      expected: {
        event: 'affiliate.approved',
        id: 'johnsmith354',
        status: 'active',
        vendor_status: 'approved',
        email: '[email protected]',
        name: 'John Smith',
        company: 'Team John Smith',
        program_id: 'grup_yHXm98PlYOKhhK',
        program_name: 'Top Sellers',
        created_at: '2022-10-27T17:19:51.802Z',
      },
    },
    {
      vendorEvent: 'application.declined',
      body: applicationDeclined,
      expected: { event: 'affiliate.denied', id: 'johnsmith354', status: 'denied', vendor_status: 'not approved' },
    },
    { vendorEvent: 'application.created', body: applicationCreated, expected: { event: 'other' } },
    { vendorEvent: 'customer.updated', body: customerUpdated, expected: { event: 'other' } },
    {
      vendorEvent: 'transaction.created',
      body: transactionCreated,
      expected: {
        event: 'referral.created',
        id: 'tran_4Rk2yQmZp7vN1s',
        sale_amount: 125,
        currency: 'USD',
        affiliate_id: 'bertramgilfoyle',
        customer_email: 'roger.axel@example.com',
        created_at: '2018-09-17T17:25:59.876Z',
      },
    },
  ],
};

/** This platform's kit under the name test/platforms/kits.ts looks for. */
export { partnerStackKit as kit };
