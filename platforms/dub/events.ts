/**
 * Dub Partners' webhook events and their normalized counterparts.
 * Sources: https://dub.co/docs/webhooks/event-types and the event pages under
 * https://dub.co/docs/webhooks/events/ [DOC], with `apps/web/lib/webhook/constants.ts` of
 * github.com/dubinc/dub [SRC] for the events the event-types page omits (`payout.confirmed` has its
 * own page; `bounty.*` only in the source), as summarized in shared/platforms/next-platforms.md §1
 * facts 28–43. Every delivery is `{id: "evt_…", event, createdAt, data}` [DOC], so the object sits at `data`.
 *
 * Dub sends no commission status change, no partner rejected / banned / deactivated and no
 * payout-paid event for payouts Dub pays itself [DOC absence, fact 30]: the polling status triggers
 * serve those. `link.clicked` is left out: Dub's webhook API requires a link scope with it [SRC,
 * fact 26], which a Zap cannot choose.
 */
import type { RecordKind } from '../records';
import type { FieldMap, VendorEvent } from '../types';

/**
 * `partner.application_submitted` carries the application `{id: "pga_…", createdAt, partner {…},
 * applicationFormData}` [DOC: fact 40]: the affiliate is the nested partner, pending.
 */
const APPLICATION_FIELDS = {
  id: 'partner.id',
  status: { path: 'partner.status', convert: 'status', default: 'pending' },
  email: 'partner.email',
  name: 'partner.name',
  company: 'partner.companyName',
  created_at: { path: 'createdAt', convert: 'time' },
} satisfies FieldMap<'affiliate'> as FieldMap<RecordKind>;

/** An event without a record: reachable through New Platform Event, raw, with its object's id where it has one. */
function other(key: string, label: string, idPath?: string): VendorEvent {
  return { key, label: `${label} (${key})`, objectPath: 'data', example: 'none', ...(idPath === undefined ? {} : { idPath }) };
}

export const DUB_EVENTS: readonly VendorEvent[] = [
  // A new commission from a tracked conversion or added by hand; a clawback is one with a negative amount [SRC: fact 19].
  { key: 'commission.created', label: 'Commission: Created (commission.created)', event: 'referral.created', objectPath: 'data', example: 'documented' },
  {
    key: 'partner.application_submitted',
    label: 'Partner: Application Submitted (partner.application_submitted)',
    event: 'affiliate.created',
    objectPath: 'data',
    fields: APPLICATION_FIELDS,
    // The application's partner carries no program or link [DOC: fact 40].
    delivers: ['status', 'vendor_status', 'email', 'name', 'company', 'created_at'],
    example: 'constructed',
  },
  // "Application was approved, they accepted your invite, or via the API" [DOC]: the partner can earn.
  { key: 'partner.enrolled', label: 'Partner: Enrolled (partner.enrolled)', event: 'affiliate.approved', objectPath: 'data', example: 'documented' },
  // Only in external or hybrid payout modes, once the payout is confirmed [DOC: partners/external-payouts].
  // It is sent before the payout is paid and names no method for an external payout [DOC: both examples: `paidAt` and `method` null].
  {
    key: 'payout.confirmed',
    label: 'Payout: Confirmed, External Payouts Only (payout.confirmed)',
    event: 'payout.created',
    objectPath: 'data',
    delivers: ['status', 'vendor_status', 'amount', 'currency', 'affiliate_id', 'affiliate_email', 'created_at'],
    example: 'documented',
  },
  // Two partner accounts merged: `{sourcePartner, targetPartner, targetAlreadyEnrolled}` [DOC: fact 41].
  other('partner.merged', 'Partner: Merged', 'targetPartner.id'),
  other('bounty.created', 'Bounty: Created', 'id'),
  other('bounty.updated', 'Bounty: Updated', 'id'),
  { ...other('discount_code.created', 'Discount Code: Created', 'id'), example: 'documented' },
  other('discount_code.deleted', 'Discount Code: Deleted', 'id'),
  other('link.created', 'Link: Created', 'id'),
  other('link.updated', 'Link: Updated', 'id'),
  other('link.deleted', 'Link: Deleted', 'id'),
  // Conversion events carry no id of their own [DOC: fact 43]: the delivery's `evt_…` id stands in.
  other('lead.created', 'Lead: Created'),
  { ...other('sale.created', 'Sale: Created'), example: 'documented' },
];
