/**
 * "Get a referral", "Get an affiliate", "Get a payout": one Make action (`actionCrud: read`) per
 * get-by-id the platform documents (`PlatformDefinition.gets`), so a scenario can read one record by
 * its ID (the peers' apps offer the same). The record is built from the vendor's answer as every
 * other module builds it; an ID the vendor does not know fails the module with a message naming it.
 */
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { PATH_ID_PATTERN, pathInputs } from './actions';
import type { AppFiles } from './app-files';
import { errorDirective } from './connection';
import { requestOf, resolverFor } from './context';
import { recordOutput } from './fields';
import type { IssueLog } from './issues';
import { unwrap, wrap } from './iml';
import type { JsonRecord } from './json';
import { outputInterface, outputSample } from './modules-common';
import { objectExpression } from './refetch';
import { requestLine } from './searches';

/** Module name, label and ID label per record kind. */
const NAMING: Readonly<Record<RecordKind, { name: string; label: string; idLabel: string }>> = {
  referral: { name: 'getReferral', label: 'Get a referral', idLabel: 'Referral ID' },
  affiliate: { name: 'getAffiliate', label: 'Get an affiliate', idLabel: 'Affiliate ID' },
  payout: { name: 'getPayout', label: 'Get a payout', idLabel: 'Payout ID' },
};

/**
 * Adds a Get module per record kind the platform can fetch by id.
 * @param samples a sample record per kind (the triggers'), for the modules' samples
 * @returns the module names added
 */
export function addGets(app: AppFiles, platform: PlatformDefinition, connection: string, samples: Partial<Record<RecordKind, NormalizedOutput>>, log: IssueLog): string[] {
  const names: string[] = [];
  for (const [kind, get] of Object.entries(platform.gets ?? {}) as [RecordKind, NonNullable<PlatformDefinition['gets']>[RecordKind]][]) {
    if (!get) continue;
    const { name, label, idLabel } = NAMING[kind];
    const report = log.for(`module ${name}`);
    const request = requestOf(get.request, resolverFor(platform, { inputs: ['id'] }), report);
    // A fetched record is no event: `other`, named by the request it came from, as the list modules name theirs.
    const vendorEvent = requestLine(get.request);
    const output = recordOutput({ platform, kind, event: 'other', vendorEvent, root: objectExpression(get.objectPath), raw: objectExpression(get.objectPath) }, report);
    const fetchedId = unwrap(String(output.id)) ?? "''";
    const missing = `${platform.name} has no ${kind} "{{parameters.id}}".`;
    request.response = {
      // A get answering a list (an `ids[]` filter) returns an empty one for an unknown ID.
      valid: { condition: wrap(`toString(${fetchedId}) != ''`), message: missing },
      error: { ...errorDirective(platform), '404': { message: missing, type: 'DataError' } },
      output,
    };
    const idParam: JsonRecord = { name: 'id', label: idLabel, type: 'text', required: true, help: `The ${kind}'s ID in ${platform.name}.` };
    // Make refuses an ID that would leave its URL segment (`..`) before the request is sent.
    if (pathInputs(get.request).includes('id')) idParam.validate = { pattern: PATH_ID_PATTERN };
    const sample = samples[kind];
    app.add('module', name, { label, description: `Gets one ${kind} from ${platform.name} by its ID.`, moduleType: 'action', actionCrud: 'read', connection }, {
      communication: request,
      staticParams: [],
      mappableParams: [idParam],
      interface: outputInterface([output], kind),
      ...(sample ? { samples: outputSample(platform, sample, [output], { event: 'other', vendorEvent }) } : {}),
    });
    names.push(name);
  }
  return names;
}
