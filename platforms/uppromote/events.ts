/**
 * UpPromote's webhook events and their normalized counterparts.
 * Source: the event table of docs.uppromote.com (API & Webhook) and the apidog "Webhook Event
 * Payload" pages [DOC]. Payloads are the bare object with no event name [INF: PostHog's UpPromote
 * source], so a delivery is routed by the subscription it was made for.
 */
import type { VendorEvent } from '../types';

/** `*.status-changed` payloads are diffs: `{<kind>_id, previous_status, current_status}` (affiliate one [DOC], referral one [INF]). */
const referralDiff = {
  id: 'referral_id',
  status: { path: 'current_status', convert: 'status' },
  previous_status: { path: 'previous_status', convert: 'status' },
} as const;

const affiliateDiff = {
  id: 'affiliate_id',
  status: { path: 'current_status', convert: 'status' },
  previous_status: { path: 'previous_status', convert: 'status' },
} as const;

/**
 * What a payment.paid delivery fills: its documented example has no creation time [DOC: payment.paid
 * example], which the payments list gives.
 */
const PAYMENT_PAID_DELIVERS = ['status', 'vendor_status', 'amount', 'affiliate_id', 'affiliate_email', 'payment_method', 'paid_at', 'currency'] as const;

export const UPPROMOTE_EVENTS: readonly VendorEvent[] = [
  { key: 'referral.new', label: 'Referral: New (referral.new)', event: 'referral.created', example: 'constructed' },
  { key: 'referral.approved', label: 'Referral: Approved (referral.approved)', event: 'referral.approved', example: 'constructed' },
  { key: 'referral.denied', label: 'Referral: Denied (referral.denied)', event: 'referral.denied', example: 'constructed' },
  {
    key: 'referral.status-changed',
    label: 'Referral: Status Changed (referral.status-changed)',
    event: 'referral.status_changed',
    fields: referralDiff,
    example: 'constructed',
  },
  { key: 'affiliate.new', label: 'Affiliate: New (affiliate.new)', event: 'affiliate.created', example: 'constructed' },
  { key: 'affiliate.approved', label: 'Affiliate: Approved (affiliate.approved)', event: 'affiliate.approved', example: 'constructed' },
  {
    key: 'affiliate.inactive',
    label: 'Affiliate: Denied or Deactivated (affiliate.inactive)',
    event: 'affiliate.deactivated',
    // Constructed from the affiliate fields the documented affiliate.new carries, without its coupon [INF].
    delivers: ['status', 'vendor_status', 'email', 'first_name', 'last_name', 'name', 'company', 'program_id', 'program_name', 'referral_link', 'created_at'],
    example: 'constructed',
  },
  {
    key: 'affiliate.status-changed',
    label: 'Affiliate: Status Changed (affiliate.status-changed)',
    event: 'affiliate.status_changed',
    fields: affiliateDiff,
    example: 'documented',
  },
  { key: 'payment.paid', label: 'Payment: Paid (payment.paid)', event: 'payout.paid', delivers: PAYMENT_PAID_DELIVERS, example: 'documented' },
];
