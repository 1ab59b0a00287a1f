import { AFFILIATE_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { GROUP_INPUT, PROGRAM_INPUT } from '../inputs';

/** Create Affiliate: adds a person to the affiliate program. */
export const spec = {
  key: 'create_affiliate',
  noun: 'Affiliate',
  label: 'Create Affiliate',
  makeLabel: 'Create an affiliate',
  description: 'Creates a new affiliate in your program (for example when a CRM deal closes).',
  record: 'affiliate',
  inputFields: [
    { key: 'email', label: 'Email', required: true, helpText: "The new affiliate's email address. It must not belong to an existing affiliate." },
    { key: 'first_name', label: 'First Name', helpText: "The affiliate's first name." },
    { key: 'last_name', label: 'Last Name', helpText: "The affiliate's last name." },
    { key: 'company', label: 'Company', helpText: "The affiliate's company or brand, if any." },
    {
      // Not `password`: the affiliate's new login is data for the vendor, not a credential of this app (Zapier's D001).
      key: 'password_to_set',
      label: 'Affiliate Password',
      type: 'password',
      helpText: "A password for the affiliate's login, where the platform requires one on create.",
      connectedHelp: "A password for the affiliate's login on {platform}.",
    },
    PROGRAM_INPUT,
    GROUP_INPUT,
    {
      key: 'send_welcome_email',
      label: 'Send Welcome Email',
      type: 'boolean',
      helpText: 'Yes to have the platform email the new affiliate their login and links, where the platform offers it.',
      connectedHelp: 'Yes to have {platform} email the new affiliate their login and links.',
    },
  ],
  sample: AFFILIATE_SAMPLE.created,
} satisfies ActionDefinition;
