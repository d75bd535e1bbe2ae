/** Product types as the products layer reads them: the model's type and the display names of component kinds. */
export type { ProductType } from '../model/schemas/product-type.ts';
export { COMPONENT_TYPES, COMPONENT_TYPE_NAMES } from './component-types.ts';
