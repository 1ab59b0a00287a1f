/**
 * ViralRef (referral programs). Nothing about its API is public beyond the dashboard steps and
 * five event names (https://viralref.com/docs/api-webhooks; shared/platforms/README.md section 2):
 * no base URL, auth header, endpoint, payload or signature format. So this definition never calls
 * ViralRef: the connection only checks that a key was entered, every action explains it is not
 * available, and deliveries arrive through the "New Event from Dashboard Webhook" trigger.
 */
import { ANY_HEADER } from '../../signature-schemes/types';
import { definePlatform, type ActionKey, type Unsupported } from '../types';
import { hmacOfRawBody, standardWebhooks, stripeStyle } from '../../signature-schemes/common-candidates';
import { VIRALREF_EVENT_ALIASES, VIRALREF_EVENTS } from './events';
import { VIRALREF_FIELDS, VIRALREF_STATUSES, VIRALREF_SUPPLEMENTS } from './fields';

const NOT_PUBLISHED: Unsupported = {
  unsupported:
    "ViralRef's API is not published, so Affiliate Hub cannot call it. Do this in ViralRef's dashboard (its events still reach Zapier through the New Event from Dashboard Webhook trigger).",
};

const ACTIONS: readonly ActionKey[] = [
  'approve_referral',
  'deny_referral',
  'create_referral',
  'create_affiliate',
  'approve_affiliate',
  'deny_affiliate',
  'mark_payout_paid',
];

export const viralref = definePlatform({
  id: 'viralref',
  name: 'ViralRef',
  // ViralRef records a referred sale as a conversion [DOC: conversion.* events].
  terms: { referral: 'Conversion' },
  connection: {
    keyLocation: 'Settings → Organization → Developers → Create API Key (paid plans)',
    keyHelpUrl: 'https://viralref.com/docs/api-webhooks',
  },
  // PLACEHOLDERS, never called (no list, action or connection test uses them): the real base URL
  // and auth header are unknown [UNK]. Replace both once ViralRef publishes its API.
  baseUrl: 'https://viralref.com/api',
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  // No endpoint is documented to test a key against [UNK].
  connectionTest: null,
  errorMessagePaths: ['message', 'error', 'errors'],
  events: VIRALREF_EVENTS,
  // The event name's field is unknown [UNK]: the common names, in order.
  // `created_at` in the envelope read as the event's time [INF]; retries use exponential backoff [DOC]
  // over a window not documented [UNK]: older deliveries than the 3-day default are refused (receive/freshness.ts).
  delivery: { eventPath: ['event', 'type', 'event_type'], eventAliases: VIRALREF_EVENT_ALIASES, timePath: 'created_at' },
  // Only "a signature header" and a signing secret are documented: every header whose value could be a
  // signature is tried with the usual schemes, and the user can choose a URL token instead.
  signature: {
    type: 'candidates',
    candidates: [
      hmacOfRawBody(
        ANY_HEADER,
        'inferred: a signature header and a signing secret are documented, the rest is cut off [UNK]; HMAC-SHA256 of the raw body in hex or base64, optionally `sha256=`-prefixed, is the common convention',
      ),
      standardWebhooks('inferred: a common convention'),
      stripeStyle(ANY_HEADER, 'inferred: a common convention'),
    ],
    urlTokenOption: { param: 'ah_token', source: 'our own: a token the user appends to the URL in the dashboard' },
    source: 'inferred: a signature header and a signing secret are documented, the scheme is cut off [UNK]',
  },
  webhooks: {
    kind: 'dashboard',
    directions:
      "In ViralRef, open Settings → Organization → Developers → Create Webhook, paste this Zap's URL as the endpoint URL, select the event types and click Create. Signing Secret: the signing secret shown when the webhook is created.",
  },
  fields: VIRALREF_FIELDS,
  statuses: VIRALREF_STATUSES,
  supplements: VIRALREF_SUPPLEMENTS,
  lists: {},
  actions: Object.fromEntries(ACTIONS.map((key) => [key, NOT_PUBLISHED])),
  searches: { find_affiliate: NOT_PUBLISHED, find_referral: NOT_PUBLISHED },
});
