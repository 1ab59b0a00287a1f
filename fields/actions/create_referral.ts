import { REFERRAL_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { AFFILIATE_INPUT } from '../inputs';

/** Create Referral: records a sale for an affiliate (for example an offline or CRM-closed sale). */
export const spec = {
  key: 'create_referral',
  noun: 'Referral',
  label: 'Create Referral',
  makeLabel: 'Create a referral',
  description: 'Records a referred sale for an affiliate, for example a deal closed in your CRM.',
  record: 'referral',
  inputFields: [
    {
      ...AFFILIATE_INPUT,
      required: false,
      helpText: `The affiliate who referred the sale. ${AFFILIATE_INPUT.helpText}`,
      connectedHelp: "The {platform} affiliate who referred the sale. Pick one, or map the affiliate's ID from an earlier step.",
    },
    {
      key: 'customer_email',
      label: 'Customer Email',
      helpText: "The buyer's email address (platforms that attribute sales through the customer need it).",
      connectedHelp: "The buyer's email address: {platform} attributes the sale through the customer.",
    },
    {
      key: 'order_id',
      label: 'Order ID',
      helpText: "The order's ID in your shop, to attach the referral to a real order.",
      connectedHelp: "The order's ID in your shop: {platform} attaches the referral to that order.",
    },
    { key: 'sale_amount', label: 'Sale Amount', type: 'number', helpText: 'The sale total in major units, e.g. 120.50 for $120.50.' },
    {
      key: 'commission_amount',
      label: 'Commission Amount',
      type: 'number',
      helpText: 'A fixed commission in major units; leave empty to let the platform compute it.',
      connectedHelp: 'A fixed commission in major units.',
      whenOptional: 'Leave empty to let the platform compute it.',
    },
    { key: 'currency', label: 'Currency', helpText: 'Three-letter currency code, e.g. USD. Leave empty for your account currency.' },
  ],
  sample: REFERRAL_SAMPLE.created,
} satisfies ActionDefinition;
