/** Counts each HTML page Astro renders (see render-count.ts). */
import type { MiddlewareHandler } from 'astro';
import { countRenderedPage } from './render-count.ts';

export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (response.headers.get('content-type')?.startsWith('text/html')) countRenderedPage();
  return response;
};
