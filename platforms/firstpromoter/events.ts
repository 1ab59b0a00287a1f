/**
 * FirstPromoter's webhook v2 events and their normalized counterparts.
 * Sources: the event-types page (https://docs.firstpromoter.com/webhooks-v2/event-types) [DOC]; the
 * documented example of `GET /webhooks/event_types` lists fewer names (no commission / promoter
 * campaign / payout status events) and a few others (`promoter.profile.updated`,
 * `payout.commissions.created|updated|deleted`) [DOC, conflicting]: both lists are in the catalogue.
 * The status events are also offered by FirstPromoter's own n8n node (third-party confirmation that
 * they are subscribable). Every delivery is `{event_id, event_type, action, entity_type, entity_id,
 * changes, data, timestamp}` [DOC: payload page]; the object is `data`.
 *
 * Where a normalized event rests on a status event the example list lacks (commission.approved /
 * .denied, promoter_campaign.accepted / .rejected / .blocked / .inactive, payout.completed /
 * .failed), a vendor that refuses the name refuses the subscribe: the Zap is not turned on and
 * the user sees FirstPromoter's message (platforms/webhooks.ts); the polling triggers read the same
 * statuses from the lists. No `*.updated` event is mapped to a status event: an update without a
 * status change would run the Zap for nothing. They stay reachable, with `previous_status` from
 * `changes`, through New Platform Event.
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
  options: { status?: string; statusPath?: string; fields?: FieldMap<RecordKind> } = {},
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
  };
}

/** Promoter-campaign events: the campaign membership's fields, the state the event names when `data` has none. */
function campaignEvent(key: string, label: string, normalized: NormalizedEvent | 'affiliate', state?: string): VendorEvent {
  return event(key, label, normalized, 'constructed', { fields: PROMOTER_CAMPAIGN_FIELDS, status: state, statusPath: 'state' });
}

export const FIRSTPROMOTER_EVENTS: readonly VendorEvent[] = [
  // Commissions: a referred sale's reward, our Referral [DOC: commission data {id, status, amount, unit, referral, created_at}].
  event('commission.created', 'Commission: Created', 'referral.created', 'constructed'),
  event('commission.approved', 'Commission: Approved', 'referral.approved', 'constructed', { status: 'approved' }),
  event('commission.denied', 'Commission: Denied', 'referral.denied', 'constructed', { status: 'denied' }),
  event('commission.pending', 'Commission: Pending', 'referral', 'constructed', { status: 'pending' }),
  event('commission.updated', 'Commission: Updated', 'referral', 'constructed'),
  event('commission.deleted', 'Commission: Deleted', 'referral', 'constructed'),
  // Promoters: the affiliate [DOC: promoter data {id, email, name, cust_id, balances, joined_at, profile}].
  event('promoter.created', 'Promoter: Created', 'affiliate.created', 'constructed'),
  event('promoter.updated', 'Promoter: Updated', 'affiliate', 'constructed'),
  event('promoter.deleted', 'Promoter: Deleted', 'affiliate.removed', 'constructed', { status: 'removed' }),
  event('promoter.balance.updated', 'Promoter: Balance Updated', 'affiliate', 'constructed'),
  event('promoter.profile.updated', 'Promoter: Profile Updated', 'affiliate', 'constructed'),
  campaignEvent('promoter_campaign.created', 'Promoter Campaign: Created', 'affiliate'),
  campaignEvent('promoter_campaign.updated', 'Promoter Campaign: Updated', 'affiliate'),
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
  event('payout.completed', 'Payout: Completed', 'payout.paid', 'constructed', { status: 'completed' }),
  event('payout.failed', 'Payout: Failed', 'payout.failed', 'constructed', { status: 'failed' }),
  event('payout.updated', 'Payout: Updated', 'payout', 'constructed'),
  event('payout.pending', 'Payout: Pending', 'payout', 'constructed', { status: 'pending' }),
  event('payout.processing', 'Payout: Processing', 'payout', 'constructed', { status: 'processing' }),
  event('payout.cancelled', 'Payout: Cancelled', 'payout', 'constructed', { status: 'cancelled' }),
  event('payout.deleted', 'Payout: Deleted', 'payout', 'constructed'),
  event('payout.commissions.added', 'Payout: Commissions Added', undefined, 'none'),
  event('payout.commissions.removed', 'Payout: Commissions Removed', undefined, 'none'),
  event('payout.commissions.created', 'Payout: Commissions Created', undefined, 'none'),
  event('payout.commissions.updated', 'Payout: Commissions Updated', undefined, 'none'),
  event('payout.commissions.deleted', 'Payout: Commissions Deleted', undefined, 'none'),
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
