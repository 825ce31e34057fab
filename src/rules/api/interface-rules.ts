import type { Rule } from '../types.js';
import { bpfMapAdded } from './bpf-map-added.js';
import { bpfMapChanged } from './bpf-map-changed.js';
import { codeListAppended } from './code-list-appended.js';
import { codeListChanged } from './code-list-changed.js';
import { ioctlAdded } from './ioctl-added.js';
import { ioctlRemoved } from './ioctl-removed.js';
import { ioctlRenumbered } from './ioctl-renumbered.js';
import { moduleParamAdded } from './module-param-added.js';
import { moduleParamChanged } from './module-param-changed.js';
import { sharedConstantAdded } from './shared-constant-added.js';
import { sharedConstantChanged } from './shared-constant-changed.js';
import { structFieldAppended } from './struct-field-appended.js';
import { structLayoutChanged } from './struct-layout-changed.js';
import { structRemoved } from './struct-removed.js';
import { structLayoutDiffersBetweenBuilds } from './struct-layout-differs-between-builds.js';

/**
 * The rules over the API's interface: shared struct layouts, ioctls, bpf maps and globals,
 * ordered code lists, module parameters, shared constants. Code rules ask them whether a change of plumbing code
 * came with an interface change (apiInterfaceChanges in rules/schema/code-changes.ts).
 */
export const API_INTERFACE_RULES: Rule[] = [
  structFieldAppended,
  structLayoutChanged,
  structRemoved,
  structLayoutDiffersBetweenBuilds,
  ioctlAdded,
  ioctlRemoved,
  ioctlRenumbered,
  bpfMapAdded,
  bpfMapChanged,
  codeListAppended,
  codeListChanged,
  moduleParamAdded,
  moduleParamChanged,
  sharedConstantChanged,
  sharedConstantAdded,
];
