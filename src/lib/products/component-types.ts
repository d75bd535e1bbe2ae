/** The kinds of product component SP 800-213 Rev. 1 names, with their display names. No Node imports: the browser uses it too. */
import { COMPONENT_TYPES, type ComponentType } from '../model/schemas/component-types.ts';

export { COMPONENT_TYPES, type ComponentType };
export const COMPONENT_TYPE_NAMES: Record<ComponentType, string> = {
  'iot-device': 'IoT device',
  gateway: 'Specialty networking/gateway hardware',
  'companion-app': 'Companion application software',
  backend: 'Backend',
};
