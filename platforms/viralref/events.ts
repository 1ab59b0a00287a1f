/**
 * ViralRef's webhook events. The documentation lists five events by display name only
 * (https://viralref.com/docs/api-webhooks [DOC]); the machine names below are INFERRED from the
 * same page's "Use webhooks for conversion.created and affiliate.created events", applying its
 * `<object>.<verb>` pattern to the other three. Underscore and hyphen spellings are accepted as
 * aliases in case the real names differ only in punctuation.
 */
import type { DeliveryShape, VendorEvent } from '../types';

export const VIRALREF_EVENTS: readonly VendorEvent[] = [
  // "A new referred purchase is detected".
  { key: 'conversion.created', label: 'Conversion: Created (conversion.created)', event: 'referral.created', objectPath: '', example: 'none' },
  // "A conversion status changes (approved, rejected, fraud)".
  { key: 'conversion.updated', label: 'Conversion: Updated (conversion.updated)', event: 'referral.status_changed', objectPath: '', example: 'none' },
  // "A new referrer is added to your program".
  { key: 'affiliate.created', label: 'Affiliate: Created (affiliate.created)', event: 'affiliate.created', objectPath: '', example: 'none' },
  // "An affiliate's status or details change": the nearest normalized event; a detail change arrives as one too.
  { key: 'affiliate.updated', label: 'Affiliate: Updated (affiliate.updated)', event: 'affiliate.status_changed', objectPath: '', example: 'none' },
  // "A new payout batch is created".
  { key: 'payout.created', label: 'Payout: Created (payout.created)', event: 'payout.created', objectPath: '', example: 'none' },
];

/** `conversion_created` / `conversion-created` → `conversion.created`, for each event. */
export const VIRALREF_EVENT_ALIASES: DeliveryShape['eventAliases'] = Object.fromEntries(
  VIRALREF_EVENTS.flatMap(({ key }) => [
    [key.replace('.', '_'), key],
    [key.replace('.', '-'), key],
  ]),
);
