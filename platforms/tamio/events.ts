/**
 * Tamio's affiliate webhook events and their normalized counterparts.
 * Source: docs.tamio.com/webhooks/affiliate-events and …/affiliate-program-events [DOC]
 * (shared/platforms/README.md section 5). Every event arrives in the same envelope
 * `{event_id, event_type, api_version, object: "event", data: {<object_type>: {…}, changes?}, endpoint_id}`,
 * so the object sits at `data.<object_type>`.
 */
import type { VendorEvent } from '../types';

export const TAMIO_EVENTS: readonly VendorEvent[] = [
  // No affiliate-signup example is visible; the affiliate object is the documented one [INF].
  { key: 'affiliate-signup', label: 'Affiliate: Signed Up (affiliate-signup)', event: 'affiliate.created', objectPath: 'data.affiliate', example: 'constructed' },
  { key: 'affiliate-approved', label: 'Affiliate: Approved (affiliate-approved)', event: 'affiliate.approved', objectPath: 'data.affiliate', example: 'documented' },
  // Documented as the approved object with `approved: false` (not saved verbatim).
  { key: 'affiliate-declined', label: 'Affiliate: Declined (affiliate-declined)', event: 'affiliate.denied', objectPath: 'data.affiliate', example: 'constructed' },
  // Documented body: only `{"affiliate": {"id": …}}` inside the envelope.
  // The event name is the only sign of the new status: `removed` stands in (see TAMIO_STATUSES).
  {
    key: 'affiliate-removed',
    label: 'Affiliate: Removed (affiliate-removed)',
    event: 'affiliate.removed',
    objectPath: 'data.affiliate',
    fields: { status: { path: 'status', convert: 'status', default: 'removed' } },
    example: 'constructed',
  },
  // Programs are not one of the three normalized records: reachable through New Platform Event / the
  // dashboard trigger, raw only. Their output's `id` is the program's own `id` [DOC: every program
  // example carries one], not the envelope's `event_id` (which stays the delivery id).
  { key: 'affiliate-program-created', label: 'Affiliate Program: Created (affiliate-program-created)', objectPath: 'data.affiliate_program', idPath: 'id', example: 'documented' },
  { key: 'affiliate-program-updated', label: 'Affiliate Program: Updated (affiliate-program-updated)', objectPath: 'data.affiliate_program', idPath: 'id', example: 'documented' },
  { key: 'affiliate-program-removed', label: 'Affiliate Program: Removed (affiliate-program-removed)', objectPath: 'data.affiliate_program', idPath: 'id', example: 'documented' },
];
