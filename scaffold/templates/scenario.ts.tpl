/**
 * __NAME__ in the playground. NEW-PLATFORM-TODO: one Zap per trigger the platform serves, every
 * event its emulator module sends, a round trip through an action where it has one, and its
 * polling triggers.
 */
import type { Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: '__ID__',
  title: '__NAME__',
  authData: (emulator) => ({ platform: '__ID__', ...emulator.credentials.__ID__ }),
  zaps: [{ name: 'dashboard', trigger: 'dashboard_webhook', dashboard: { events: [] } }],
  tamperZap: 'dashboard',
};
