/** The kinds of product component SP 800-213 Rev. 1 names, with their display names. No Node imports: the browser uses it too. */
export const COMPONENT_TYPES = ['iot-device', 'gateway', 'companion-app', 'backend'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];
export const COMPONENT_TYPE_NAMES: Record<ComponentType, string> = {
  'iot-device': 'IoT device',
  gateway: 'Specialty networking/gateway hardware',
  'companion-app': 'Companion application software',
  backend: 'Backend',
};
