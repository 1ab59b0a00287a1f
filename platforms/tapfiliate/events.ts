/**
 * Tapfiliate's webhook events ("Triggers", set up in its dashboard) and their normalized
 * counterparts. Source: https://tapfiliate.com/docs/guides/how-to-set-up-trigger-webhooks/ [DOC]
 * (labels only; the list is explicitly partial, "some of them are"), as summarized in
 * shared/platforms/next-platforms.md section 2 (facts 23-25). Tapfiliate names its events nowhere
 * in a delivery and gives them no machine-readable names [DOC absence]: the keys below are ours,
 * and the dashboard trigger asks which one a Zap's URL receives (`webhooks.eventChosenPerUrl`).
 * A "Webhook" trigger sends "the same format documented in our API doc examples" [DOC]: the bare
 * resource, no envelope, so every object sits at the body itself (`objectPath: ''`). Which
 * resource each event sends is our reading of its label [INF]; the mapping follows the research's
 * suggestion [INF].
 */
import type { VendorEvent } from '../types';

/** A conversion holds the sale; its first commission the affiliate's share [3P: conversion examples]. */
const CONVERSION_AS_REFERRAL = {
  sale_amount: { path: 'amount', convert: 'decimal' },
  commission_amount: { path: 'commissions.0.amount', convert: 'decimal' },
  currency: { path: ['commissions.0.currency', 'program.currency'], convert: 'upper' },
  order_id: 'external_id',
  status: { path: 'commissions.0.approved', convert: 'status', default: 'pending' },
} as const;

/** An approval decision: the membership's `approved` flag, else the one the event's name says [INF]. */
const decided = (approved: boolean) => ({ status: { path: 'approved', convert: 'status', default: approved } }) as const;

export const TAPFILIATE_EVENTS: readonly VendorEvent[] = [
  // "Commission created (conversion, recurring, MLM or API)" [DOC]: the commission object [INF].
  { key: 'commission-created', label: 'Commission Created', event: 'referral.created', objectPath: '', example: 'documented' },
  // "(dis)approved or edited" [DOC]: no previous value is sent, so an edit with the same approval fires too.
  { key: 'commission-updated', label: 'Commission Updated (Approved, Disapproved or Edited)', event: 'referral.status_changed', objectPath: '', example: 'constructed' },
  // The conversion object [3P: Pipedream's new-conversion test event, presumed Tapfiliate's example]; its id is the conversion's, not a commission's.
  { key: 'conversion-created', label: 'Conversion Created', event: 'referral.created', objectPath: '', fields: CONVERSION_AS_REFERRAL, example: 'documented' },
  // The affiliate object [3P: Pipedream's new-affiliate test event]; it carries no status (approval is per program).
  { key: 'affiliate-created', label: 'Affiliate Created', event: 'affiliate.created', objectPath: '', example: 'documented' },
  // The program membership, with `approved` [3P: Pipedream's affiliate-added-to-program test event].
  { key: 'affiliate-added-to-program', label: 'Affiliate Added to Program', event: 'affiliate.created', objectPath: '', example: 'constructed' },
  { key: 'affiliate-approved-for-program', label: 'Affiliate Approved for Program', event: 'affiliate.approved', objectPath: '', fields: decided(true), example: 'constructed' },
  { key: 'affiliate-disapproved-for-program', label: 'Affiliate Disapproved for Program', event: 'affiliate.denied', objectPath: '', fields: decided(false), example: 'constructed' },
  // "Payment created (a balance is settled)" [DOC]: recorded once the merchant paid, so a paid payout [INF].
  { key: 'payment-created', label: 'Payment Created', event: 'payout.paid', objectPath: '', example: 'constructed' },
  // No normalized counterpart: raw, with the object's own id.
  { key: 'affiliate-prospect-created', label: 'Affiliate Prospect Created', objectPath: '', idPath: 'id', example: 'none' },
  { key: 'affiliate-prospect-promoted', label: 'Affiliate Prospect Promoted', record: 'affiliate', objectPath: '', example: 'none' },
  { key: 'affiliate-added-to-group', label: 'Affiliate Added to Group', record: 'affiliate', objectPath: '', example: 'none' },
  { key: 'customer-created', label: 'Customer Created', objectPath: '', idPath: 'id', example: 'none' },
  { key: 'customer-updated', label: 'Customer Updated', objectPath: '', idPath: 'id', example: 'none' },
];
