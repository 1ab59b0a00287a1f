/**
 * Every platform the playground runs, in registry order: `workshops/<id>/scenario.ts` exports
 * `scenario` for each registered platform (the completeness test asks for the file).
 */
import { PLATFORMS } from '../../platforms/registry';
import type { Scenario } from '../scenario';

/** The scenario of one platform. @throws Error naming the file when the platform has none */
function scenarioOf(id: string): Scenario {
  const module = require(`../../workshops/${id}/scenario`) as { scenario?: Scenario };
  if (!module.scenario) throw new Error(`workshops/${id}/scenario.ts exports no \`scenario\`.`);
  return module.scenario;
}

export const SCENARIOS: Scenario[] = PLATFORMS.map((platform) => scenarioOf(platform.id));
