/**
 * PartnerStack's webhook events and their normalized counterparts.
 * Sources: the current webhook guide (https://docs.partnerstack.com/docs/partnerstack-webhooks:
 * agreement.accepted, partnership.created / .updated / .tags_updated, then cut off) and the v1 guides
 * (…/v1.0/docs/partnerstack-webhooks, …/v1.0/docs/webhooks-1: partnership_*, customer_*,
 * application_*) [DOC]. Dotted customer.* and transaction.created names are seen only in
 * third-party examples [INF]; reward event names are not verified anywhere, so none is subscribed.
 * Every body carries its event name in `event`, sometimes in the v1 spelling even for a dotted
 * subscription [DOC: the current guide's own sample says "partnership_created"]: see EVENT_ALIASES.
 */
import type { RecordKind } from '../records';
import type { FieldMap, VendorEvent } from '../types';

/**
 * Application payloads: the applicant's names sit under `content` (top-level ones are empty in the
 * documented sample) and `approved` is `null | true | false` [DOC: application_created sample; the
 * values after a decision inferred]. The event itself says the decision when `approved` is absent.
 */
function applicationDecision(approved: boolean): FieldMap<RecordKind> {
  return { status: { path: 'approved', convert: 'status', default: approved } };
}

export const PARTNERSTACK_EVENTS: readonly VendorEvent[] = [
  // A partnership is a partner who joined [DOC: "new partner joins"]: active, although its payload has no status field.
  {
    key: 'partnership.created',
    label: 'Partnership: Created (partnership.created)',
    event: 'affiliate.created',
    fields: { status: { path: 'approved', convert: 'status', default: true } },
    // The documented partnership payload names no company and no creation time [DOC: partnership_created sample].
    delivers: ['status', 'vendor_status', 'email', 'first_name', 'last_name', 'name', 'program_id', 'program_name'],
    example: 'documented',
  },
  // Partner key, group or tags changed: no normalized "affiliate updated" event, but the payload is a partner.
  { key: 'partnership.updated', label: 'Partnership: Updated (partnership.updated)', record: 'affiliate', example: 'documented' },
  { key: 'partnership.tags_updated', label: 'Partnership: Tags Updated (partnership.tags_updated)', record: 'affiliate', example: 'documented' },
  { key: 'agreement.accepted', label: 'Agreement: Accepted (agreement.accepted)', example: 'none' },
  // A customer is a referred sign-up, not a sale: no Referral until a transaction carries an amount.
  { key: 'customer.created', label: 'Customer: Created (customer.created)', example: 'documented' },
  { key: 'customer.updated', label: 'Customer: Updated (customer.updated)', example: 'documented' },
  { key: 'customer.deleted', label: 'Customer: Deleted (customer.deleted)', example: 'documented' },
  // A transaction carries no status and no partnership key in its (third-party) example [INF]; the test step leaves them out.
  {
    key: 'transaction.created',
    label: 'Transaction: Created (transaction.created)',
    event: 'referral.created',
    delivers: ['sale_amount', 'currency', 'affiliate_id', 'affiliate_email', 'affiliate_name', 'customer_email', 'created_at'],
    example: 'constructed',
  },
  // Applications are documented under their v1 names only [DOC: v1 guide]; the V2 API is subscribed
  // with dotted names like every other V2 event [INF: the current guide's naming], and bodies may
  // carry either spelling (see the aliases below).
  { key: 'application.created', label: 'Application: Created (application.created)', example: 'documented' },
  // Deciding an application is what Approve / Deny Affiliate do on PartnerStack, so the decisions
  // are the affiliate.approved / affiliate.denied events (the applicant becomes, or does not become, a partner).
  {
    key: 'application.approved',
    label: 'Application: Approved (application.approved)',
    event: 'affiliate.approved',
    fields: applicationDecision(true),
    example: 'constructed',
  },
  {
    key: 'application.declined',
    label: 'Application: Declined (application.declined)',
    event: 'affiliate.denied',
    fields: applicationDecision(false),
    example: 'constructed',
  },
];

/**
 * v1 body event names → catalogue keys [DOC: v1 guides list them; the current guide's sample body
 * still says `partnership_created`]. A group change is a partnership update in the current guide
 * ("partner key/group changed"). `partnership_deleted` has no documented current name: unknown, no run.
 */
export const PARTNERSTACK_EVENT_ALIASES: Record<string, string> = {
  partnership_created: 'partnership.created',
  partnership_updated: 'partnership.updated',
  partnership_group_updated: 'partnership.updated',
  partnership_tags_updated: 'partnership.tags_updated',
  transaction_created: 'transaction.created',
  customer_created: 'customer.created',
  customer_updated: 'customer.updated',
  customer_deleted: 'customer.deleted',
  application_created: 'application.created',
  application_approved: 'application.approved',
  application_declined: 'application.declined',
};
