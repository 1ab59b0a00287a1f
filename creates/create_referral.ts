import { REFERRAL_SAMPLE } from '../triggers/samples';
import { defineAction } from './create-factory';

/** Create Referral: records a sale for an affiliate (for example an offline or CRM-closed sale). */
export default defineAction({
  key: 'create_referral',
  noun: 'Referral',
  label: 'Create Referral',
  description: 'Records a referred sale for an affiliate, for example a deal closed in your CRM.',
  record: 'referral',
  inputFields: [
    {
      key: 'affiliate',
      label: 'Affiliate',
      dynamic: 'affiliate_list.id.label',
      helpText: "The affiliate who referred the sale. UpPromote takes the affiliate's email address.",
    },
    { key: 'customer_email', label: 'Customer Email', helpText: "The buyer's email address (PartnerStack attributes the sale through its customer)." },
    { key: 'order_id', label: 'Order ID', helpText: "The order's ID in your shop, to attach the referral to a real order." },
    { key: 'sale_amount', label: 'Sale Amount', type: 'number', helpText: 'The sale total in major units, e.g. 120.50 for $120.50.' },
    { key: 'commission_amount', label: 'Commission Amount', type: 'number', helpText: 'A fixed commission in major units; leave empty to let the platform compute it.' },
    { key: 'currency', label: 'Currency', helpText: 'Three-letter currency code, e.g. USD. Leave empty for your account currency.' },
  ],
  sample: REFERRAL_SAMPLE.created,
});
