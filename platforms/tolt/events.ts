/**
 * Tolt's webhook events (API v2) and their normalized counterparts.
 * Source: https://docs.tolt.com/webhooks/event-types [DOC] ("Five resources, each with a `.created`
 * and an `.updated` event … No delete events"), as summarized in shared/platforms/README.md
 * section 7. Every event arrives in the envelope `{type, data, timestamp}` [DOC], `data` being the
 * resource as the API returns it (plus `organization_id`), so the object sits at `data`.
 * The mapping onto normalized events is the research's suggestion [INF]: `*.updated` carries no
 * diff [DOC: field lists], so it maps to the status-changed event and `previous_status` stays empty.
 */
import type { VendorEvent } from '../types';

export const TOLT_EVENTS: readonly VendorEvent[] = [
  // A commission starts `pending` (or `approved`); a refund of a paid one is a new commission with
  // `type: "refund"` and a negative amount [DOC], still referral.created (status from `data.status`).
  { key: 'commission.created', label: 'Commission: Created (commission.created)', event: 'referral.created', objectPath: 'data', example: 'documented' },
  // Approved, declined or edited; a payout marked paid turns its commissions `paid`, each firing this [DOC].
  { key: 'commission.updated', label: 'Commission: Updated (commission.updated)', event: 'referral.status_changed', objectPath: 'data', example: 'constructed' },
  { key: 'partner.created', label: 'Partner: Created (partner.created)', event: 'affiliate.created', objectPath: 'data', example: 'constructed' },
  // Details changed, or approved, rejected or suspended [DOC].
  { key: 'partner.updated', label: 'Partner: Updated (partner.updated)', event: 'affiliate.status_changed', objectPath: 'data', example: 'constructed' },
  // No normalized counterpart: reachable through New Platform Event / the dashboard trigger, raw,
  // with the resource's own `id` as the output id.
  { key: 'customer.created', label: 'Customer: Created (customer.created)', objectPath: 'data', idPath: 'id', example: 'none' },
  { key: 'customer.updated', label: 'Customer: Updated (customer.updated)', objectPath: 'data', idPath: 'id', example: 'none' },
  { key: 'transaction.created', label: 'Transaction: Created (transaction.created)', objectPath: 'data', idPath: 'id', example: 'none' },
  { key: 'transaction.updated', label: 'Transaction: Updated (transaction.updated)', objectPath: 'data', idPath: 'id', example: 'none' },
  { key: 'link.created', label: 'Link: Created (link.created)', objectPath: 'data', idPath: 'id', example: 'none' },
  { key: 'link.updated', label: 'Link: Updated (link.updated)', objectPath: 'data', idPath: 'id', example: 'none' },
];
