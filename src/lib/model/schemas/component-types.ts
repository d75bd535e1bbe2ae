/**
 * The kinds of product component SP 800-213 Rev. 1 names (display names:
 * src/lib/products/component-types.ts). No zod here: the tailoring tool's
 * browser code reads the list without the schema library.
 */
export const COMPONENT_TYPES = ['iot-device', 'gateway', 'companion-app', 'backend'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];
