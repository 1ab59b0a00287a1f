/**
 * Zapier's publishing checks, judged from the definition: zero findings for the app, and each
 * check proven able to fail on a definition broken the way it guards against.
 */
import { app } from '../helpers/app';
import { CHECKS, type AppDefinition } from './checks';

const definition = app as unknown as AppDefinition;

function broken(mutate: (copy: AppDefinition) => void): AppDefinition {
  const copy: AppDefinition = {
    ...definition,
    authentication: { ...definition.authentication, fields: [...(definition.authentication?.fields ?? [])] },
    triggers: { ...definition.triggers },
    creates: { ...definition.creates },
    searches: { ...definition.searches },
    searchOrCreates: { ...definition.searchOrCreates },
  };
  mutate(copy);
  return copy;
}

function withOperation<T extends { operation: object }>(item: T, operation: object): T {
  return { ...item, operation: { ...item.operation, ...operation } };
}

describe('publishing checks', () => {
  it.each(Object.entries(CHECKS))('%s finds nothing in the app', (_rule, check) => {
    expect(check(definition)).toEqual([]);
  });

  const approve = () => definition.creates!.approve_referral;
  const newReferral = () => definition.triggers!.new_referral;

  it.each<[string, (copy: AppDefinition) => void, RegExp]>([
    ['D002', (copy) => (copy.authentication!.fields = copy.authentication!.fields!.map((field) => (field.key === 'api_key' ? { ...field, helpText: 'Your key.' } : field))), /connection field api_key/],
    ['D003', (copy) => (copy.authentication = { ...copy.authentication, connectionLabel: undefined }), /connection/],
    ['D004', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'x' }] })), /action approve_referral field referral_id/],
    ['D005', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'x', dynamic: 'nope.id.label' }] })), /dynamic "nope.id.label"/],
    ['D006', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { performList: undefined })), /trigger new_referral/],
    ['D007', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'note', label: 'Note', helpText: 'See http://example.com' }] })), /non-https URL/],
    ['D009', (copy) => (copy.searches!.find_affiliate = withOperation(copy.searches!.find_affiliate, { inputFields: [{ key: 'email', label: 'Email', helpText: 'x' }] })), /search find_affiliate/],
    ['D010', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { sample: { status: 'pending' } })), /trigger new_referral/],
    ['D018', (copy) => (copy.triggers!.new_referral = { ...newReferral(), display: { ...newReferral().display, label: 'new referral' } }), /"new referral"/],
    ['D021', (copy) => (copy.triggers!.new_referral = { ...newReferral(), display: { ...newReferral().display, description: 'Fires on referrals.' } }), /trigger new_referral/],
    ['D022', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [() => []] })), /action approve_referral/],
    ['D023', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { sample: { ...newReferral().operation.sample, created_at: '24/09/2025' } })), /sample created_at/],
    ['D024', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { sample: { ...newReferral().operation.sample, surprise: 1 } })), /sample surprise/],
  ])('%s flags a definition broken the way it guards against', (rule, mutate, where) => {
    const findings = CHECKS[rule](broken(mutate));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((finding) => `${finding.where}: ${finding.message}`).join('\n')).toMatch(where);
  });
});
