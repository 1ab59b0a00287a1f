/**
 * FirstPromoter's webhook v2 events and their normalized counterparts.
 * Sources: the event-types page (https://docs.firstpromoter.com/webhooks-v2/event-types) [DOC]; the
 * documented example of `GET /webhooks/event_types` lists fewer names. Every delivery is
 * `{event_id, event_type, action, entity_type, entity_id, changes, data, timestamp}` [DOC: payload
 * page]; the object is `data`; `changes` is `{field: [old, new]}` [DOC].
 *
 * The status events (commission.approved / .denied / .pending, promoter_campaign.accepted /
 * .rejected / .blocked / .inactive / .pending, payout.completed / .failed / …) appeared on the
 * event-types page only on 2026-06-01 (docs commit 69190c5); the `GET /webhooks/event_types` example
 * predates them and FirstPromoter's own n8n node offers only the older events (issue 25). So each
 * has a `fallback`: when the account refuses the name at subscribe, the `*.updated` event of the
 * same object is subscribed instead and runs the Zap only when its `changes` holds the status
 * (`changed`), with the status the refused event names (receive/changes.ts). The same commit
 * removed `promoter.profile.updated` and `payout.commissions.created|updated|deleted`
 * (`payout.commissions.added|removed` replace them): no longer offered.
 * An `*.updated` delivery whose `changes` holds the status is a status change (referral /
 * affiliate), with `previous_status` from `changes`; without it, the plain update (`other`).
 */
import type { NormalizedEvent, RecordKind } from '../records';
import type { FieldMap, VendorEvent } from '../types';

type Example = VendorEvent['example'];

/**
 * A promoter campaign (a promoter's membership of one campaign) is what carries the affiliate's
 * state [DOC: `promoter_campaigns[].state`]; its webhook `data` is undocumented, presumably the API
 * object `{id, campaign_id, promoter_id, state, campaign, coupon, ref_link}` [INF], whose own `id` is
 * the membership's, so the affiliate's id is `promoter_id`.
 */
const PROMOTER_CAMPAIGN_FIELDS = {
  id: { path: ['promoter_id', 'promoter.id'] },
  email: 'promoter.email',
  name: 'promoter.name',
  status: { path: 'state', convert: 'status' },
  program_id: { path: ['campaign_id', 'campaign.id'] },
  program_name: 'campaign.name',
  referral_link: 'ref_link',
  coupon_code: 'coupon',
  created_at: { path: 'created_at', convert: 'time' },
} satisfies FieldMap<'affiliate'> as FieldMap<RecordKind>;

/**
 * One event whose object is `data`.
 * @param status the vendor status the event's name says, used when `data` carries none
 * @param fields field-map overrides for the event's payload
 */
function event(
  key: string,
  label: string,
  normalized: NormalizedEvent | RecordKind | undefined,
  example: Example,
  options: { status?: string; statusPath?: string; fields?: FieldMap<RecordKind>; changed?: VendorEvent['changed']; fallback?: string } = {},
): VendorEvent {
  const isRecord = normalized === 'referral' || normalized === 'affiliate' || normalized === 'payout';
  const statusField: FieldMap<RecordKind> | undefined =
    options.status === undefined ? undefined : { status: { path: options.statusPath ?? 'status', convert: 'status', default: options.status } };
  const fields = options.fields || statusField ? { ...options.fields, ...statusField } : undefined;
  return {
    key,
    label: `${label} (${key})`,
    ...(isRecord ? { record: normalized } : normalized === undefined ? {} : { event: normalized }),
    objectPath: 'data',
    example,
    ...(fields ? { fields } : {}),
    ...(options.changed ? { changed: options.changed } : {}),
    ...(options.fallback ? { fallback: { event: options.fallback, source: NEW_NAMES } } : {}),
  };
}

/** Why the status events have a fallback (see the header). */
const NEW_NAMES =
  'documented only since 2026-06-01 (docs commit 69190c5); the GET /webhooks/event_types example and FirstPromoter\'s n8n node offer only the older events, so an account may refuse the name';

/**
 * `changes` holds the field, in the documented `{field: [old, new]}` form [DOC: payload page]; the
 * field is the object's own status field (`status` for commissions and payouts, `state` for a
 * promoter campaign [DOC: OpenAPI objects]), which only the commission example shows in `changes` [DOC].
 */
function changeOf(field: string, normalized?: NormalizedEvent): VendorEvent['changed'] {
  return {
    path: `changes.${field}`,
    ...(normalized ? { event: normalized } : {}),
    source: `documented form of changes (payload page); inferred: that changes.${field} names a status change of this object (shown only in the commission.updated example)`,
  };
}

/** Promoter-campaign events: the campaign membership's fields, the state the event names when `data` has none. */
function campaignEvent(key: string, label: string, normalized: NormalizedEvent | 'affiliate', state?: string): VendorEvent {
  const base = event(key, label, normalized, 'constructed', {
    fields: PROMOTER_CAMPAIGN_FIELDS,
    status: state,
    statusPath: 'state',
    ...(state === undefined ? {} : { fallback: 'promoter_campaign.updated' }),
  });
  // A campaign membership names no company [INF: the API object]: the test step leaves it out (fields/test-step.ts).
  return { ...base, delivers: CAMPAIGN_DELIVERS };
}

/** What a promoter campaign delivery fills: the membership's fields (no company). */
const CAMPAIGN_DELIVERS = ['status', 'vendor_status', 'email', 'name', 'first_name', 'last_name', 'program_id', 'program_name', 'referral_link', 'coupon_code', 'created_at'] as const;

export const FIRSTPROMOTER_EVENTS: readonly VendorEvent[] = [
  // Commissions: a referred sale's reward, our Referral [DOC: commission data {id, status, amount, unit, referral, created_at}].
  event('commission.created', 'Commission: Created', 'referral.created', 'constructed'),
  event('commission.approved', 'Commission: Approved', 'referral.approved', 'constructed', { status: 'approved', fallback: 'commission.updated' }),
  event('commission.denied', 'Commission: Denied', 'referral.denied', 'constructed', { status: 'denied', fallback: 'commission.updated' }),
  event('commission.pending', 'Commission: Pending', 'referral', 'constructed', { status: 'pending', fallback: 'commission.updated' }),
  event('commission.updated', 'Commission: Updated', 'referral', 'constructed', { changed: changeOf('status', 'referral.status_changed') }),
  event('commission.deleted', 'Commission: Deleted', 'referral', 'constructed'),
  // Promoters: the affiliate [DOC: promoter data {id, email, name, cust_id, balances, joined_at, profile}].
  event('promoter.created', 'Promoter: Created', 'affiliate.created', 'constructed'),
  event('promoter.updated', 'Promoter: Updated', 'affiliate', 'constructed'),
  // A deleted promoter carries its identity only [INF: constructed from the promoter data fields] and can no longer be fetched.
  { ...event('promoter.deleted', 'Promoter: Deleted', 'affiliate.removed', 'constructed', { status: 'removed' }), delivers: ['status', 'vendor_status', 'email', 'name', 'first_name', 'last_name', 'created_at'] },
  event('promoter.balance.updated', 'Promoter: Balance Updated', 'affiliate', 'constructed'),
  campaignEvent('promoter_campaign.created', 'Promoter Campaign: Created', 'affiliate'),
  { ...campaignEvent('promoter_campaign.updated', 'Promoter Campaign: Updated', 'affiliate'), changed: changeOf('state', 'affiliate.status_changed') },
  campaignEvent('promoter_campaign.deleted', 'Promoter Campaign: Deleted', 'affiliate'),
  campaignEvent('promoter_campaign.accepted', 'Promoter Campaign: Accepted', 'affiliate.approved', 'accepted'),
  campaignEvent('promoter_campaign.rejected', 'Promoter Campaign: Rejected', 'affiliate.denied', 'rejected'),
  campaignEvent('promoter_campaign.blocked', 'Promoter Campaign: Blocked', 'affiliate.deactivated', 'blocked'),
  campaignEvent('promoter_campaign.inactive', 'Promoter Campaign: Inactive', 'affiliate.deactivated', 'inactive'),
  campaignEvent('promoter_campaign.pending', 'Promoter Campaign: Pending', 'affiliate', 'pending'),
  // Referrals are FirstPromoter's referred leads / customers, not sales: no Referral record [DOC: referral data].
  event('referral.created', 'Referral (Lead): Created', undefined, 'constructed'),
  event('referral.updated', 'Referral (Lead): Updated', undefined, 'documented'),
  event('referral.deleted', 'Referral (Lead): Deleted', undefined, 'constructed'),
  event('referral.converted', 'Referral (Lead): Converted', undefined, 'constructed'),
  event('referral.cancelled', 'Referral (Lead): Cancelled', undefined, 'constructed'),
  event('referral.moved', 'Referral (Lead): Moved', undefined, 'constructed'),
  // Payouts [DOC: event names; data undocumented, presumably the API's payout object, INF].
  event('payout.created', 'Payout: Created', 'payout.created', 'constructed'),
  event('payout.completed', 'Payout: Completed', 'payout.paid', 'constructed', { status: 'completed', fallback: 'payout.updated' }),
  event('payout.failed', 'Payout: Failed', 'payout.failed', 'constructed', { status: 'failed', fallback: 'payout.updated' }),
  // No normalized "payout status changed" event: a status change stays `other` unless it stands in for one above.
  event('payout.updated', 'Payout: Updated', 'payout', 'constructed', { changed: changeOf('status') }),
  event('payout.pending', 'Payout: Pending', 'payout', 'constructed', { status: 'pending', fallback: 'payout.updated' }),
  event('payout.processing', 'Payout: Processing', 'payout', 'constructed', { status: 'processing', fallback: 'payout.updated' }),
  event('payout.cancelled', 'Payout: Cancelled', 'payout', 'constructed', { status: 'cancelled', fallback: 'payout.updated' }),
  event('payout.deleted', 'Payout: Deleted', 'payout', 'constructed'),
  event('payout.commissions.added', 'Payout: Commissions Added', undefined, 'none'),
  event('payout.commissions.removed', 'Payout: Commissions Removed', undefined, 'none'),
  event('payout_method.created', 'Payout Method: Created', undefined, 'none'),
  event('payout_method.updated', 'Payout Method: Updated', undefined, 'none'),
  event('payout_method.deleted', 'Payout Method: Deleted', undefined, 'none'),
  event('payments_batch.created', 'Payments Batch: Created', undefined, 'none'),
  event('payments_batch.updated', 'Payments Batch: Updated', undefined, 'none'),
  event('payments_batch.deleted', 'Payments Batch: Deleted', undefined, 'none'),
  event('payments_batch.initiated', 'Payments Batch: Initiated', undefined, 'none'),
  event('payments_batch.processing', 'Payments Batch: Processing', undefined, 'none'),
  event('payments_batch.completed', 'Payments Batch: Completed', undefined, 'none'),
  event('payments_batch.failed', 'Payments Batch: Failed', undefined, 'none'),
  event('contract_document.signed', 'Contract Document: Signed', undefined, 'documented'),
].map((item) => (item.event === undefined && item.record === undefined ? { ...item, idPath: 'id' } : item));
