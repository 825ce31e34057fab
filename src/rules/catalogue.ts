import { dynamicParamAdded } from './schema/dynamic-param-added.js';
import { dynamicParamChanged } from './schema/dynamic-param-changed.js';
import { enumValueAdded } from './schema/enum-value-added.js';
import { enumValueRemoved } from './schema/enum-value-removed.js';
import { enumValueRenamed } from './schema/enum-value-renamed.js';
import { enumValueRenumbered } from './schema/enum-value-renumbered.js';
import { eventCategoryChanged } from './schema/event-category-changed.js';
import { eventFlagAdded } from './schema/event-flag-added.js';
import { eventFlagRemoved } from './schema/event-flag-removed.js';
import { eventLargePayloadToggled } from './schema/event-large-payload-toggled.js';
import { eventNameChanged } from './schema/event-name-changed.js';
import { eventNparamsMismatch } from './schema/event-nparams-mismatch.js';
import { eventMaxNotMoved } from './schema/event-max-not-moved.js';
import { eventCodeWithoutEntry } from './schema/event-code-without-entry.js';
import { eventPairingBroken } from './schema/event-pairing-broken.js';
import { eventFlagsBroken } from './schema/event-flags-broken.js';
import { schemaVersionUnpackable } from './schema/schema-version-unpackable.js';
import { apiVersionUnpackable } from './api/api-version-unpackable.js';
import { eventOldVersionAdded } from './schema/event-old-version-added.js';
import { eventNoLongerProduced } from './schema/event-no-longer-produced.js';
import { eventStartsBeingProduced } from './schema/event-starts-being-produced.js';
import { eventFillerSwapped } from './schema/event-filler-swapped.js';
import { eventPairAdded } from './schema/event-pair-added.js';
import { eventParamAppended } from './schema/event-param-appended.js';
import { eventParamFormatChanged } from './schema/event-param-format-changed.js';
import { eventParamInfoChanged } from './schema/event-param-info-changed.js';
import { eventParamRemoved } from './schema/event-param-removed.js';
import { eventParamRenamed } from './schema/event-param-renamed.js';
import { eventParamReordered } from './schema/event-param-reordered.js';
import { eventParamTypeChanged } from './schema/event-param-type-changed.js';
import { eventParamTypeRefined } from './schema/event-param-type-refined.js';
import { eventRemoved } from './schema/event-removed.js';
import { eventRenumbered } from './schema/event-renumbered.js';
import { fillerCodeChanged } from './schema/filler-code-changed.js';
import { fillerCodeKernelCompat } from './schema/filler-code-kernel-compat.js';
import { dispatchCodeChanged } from './schema/dispatch-code-changed.js';
import { transportCodeChanged } from './schema/transport-code-changed.js';
import { statsCodeChanged } from './api/stats-code-changed.js';
import { codeFollowsApiChange } from './api/code-follows-api-change.js';
import { fillerIdsChanged } from './schema/filler-ids-changed.js';
import { flagValueAdded } from './schema/flag-value-added.js';
import { flagNameAdded } from './schema/flag-name-added.js';
import { flagValueChanged } from './schema/flag-value-changed.js';
import { flagValueRemoved } from './schema/flag-value-removed.js';
import { ppmScAppended } from './schema/ppm-sc-appended.js';
import { ppmScRemoved } from './schema/ppm-sc-removed.js';
import { ppmScRenamed } from './schema/ppm-sc-renamed.js';
import { ppmScRenumbered } from './schema/ppm-sc-renumbered.js';
import { API_INTERFACE_RULES } from './api/interface-rules.js';
import { eventLimitChanged } from './schema/event-limit-changed.js';
import { sharedConstantRenamed } from './api/shared-constant-renamed.js';
import { structFieldRenamed } from './api/struct-field-renamed.js';
import { bpfMapRenamed } from './api/bpf-map-renamed.js';
import { syscallFlagsChanged } from './schema/syscall-flags-changed.js';
import { syscallRoutingChanged } from './schema/syscall-routing-changed.js';
import type { Finding, Rule } from './types.js';
import type { Surface } from '../surface/model.js';

/** The rule catalogue: one entry per rule, each in its own file. */
export const RULES: Rule[] = [
  // Event codes and the event table.
  eventPairAdded,
  eventRemoved,
  eventRenumbered,
  eventNameChanged,
  eventCategoryChanged,
  eventParamAppended,
  eventParamRemoved,
  eventParamReordered,
  eventParamRenamed,
  eventParamTypeChanged,
  eventParamTypeRefined,
  eventParamFormatChanged,
  eventParamInfoChanged,
  eventFlagAdded,
  eventFlagRemoved,
  eventOldVersionAdded,
  // What each driver produces (the event production matrix).
  eventNoLongerProduced,
  eventStartsBeingProduced,
  eventFillerSwapped,
  eventLargePayloadToggled,
  eventNparamsMismatch,
  eventLimitChanged,
  // Invariants of the head alone, for new event codes and the version files.
  eventMaxNotMoved,
  eventCodeWithoutEntry,
  eventPairingBroken,
  eventFlagsBroken,
  schemaVersionUnpackable,
  // Enums, ppm_sc codes, flag values, dynamic params.
  enumValueAdded,
  enumValueRenumbered,
  enumValueRemoved,
  enumValueRenamed,
  ppmScAppended,
  ppmScRenumbered,
  ppmScRemoved,
  ppmScRenamed,
  flagValueAdded,
  flagNameAdded,
  flagValueChanged,
  flagValueRemoved,
  dynamicParamAdded,
  dynamicParamChanged,
  syscallRoutingChanged,
  syscallFlagsChanged,
  fillerIdsChanged,
  fillerCodeChanged,
  fillerCodeKernelCompat,
  dispatchCodeChanged,
  transportCodeChanged,
  // API: shared struct layouts, ioctls, bpf maps and globals, ordered code lists, module params, shared constants.
  ...API_INTERFACE_RULES,
  apiVersionUnpackable,
  structFieldRenamed,
  bpfMapRenamed,
  sharedConstantRenamed,
  // API: code that serves the interface (statistics, plumbing with an interface change).
  statsCodeChanged,
  codeFollowsApiChange,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Runs every rule over a pair of surfaces. */
export function runRules(base: Surface, head: Surface, rules: Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(base, head)) {
      findings.push({ rule: rule.id, governs: rule.governs, bump: rule.bump, kind: rule.kind ?? 'change', ...hit });
    }
  }
  return findings;
}
