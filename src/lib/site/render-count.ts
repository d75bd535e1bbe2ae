/**
 * How many pages Astro rendered in this process: an Astro integration adds a
 * middleware (render-count-middleware.ts) that counts each HTML page it sees.
 * Pages Astro keeps from the last build (its incremental build, see
 * render-key.ts) are not rendered, so the build can say how many it kept.
 * The count lives on globalThis: the middleware runs in Astro's bundle, which
 * has its own copy of this module.
 */
import type { AstroIntegration } from 'astro';

const COUNT = Symbol.for('iot-guidance-site.rendered-pages');
const holder = globalThis as { [COUNT]?: number };

/** Counts one rendered page. */
export function countRenderedPage(): void {
  holder[COUNT] = (holder[COUNT] ?? 0) + 1;
}

/** The pages rendered since the last reset. */
export function renderedPages(): number {
  return holder[COUNT] ?? 0;
}

export function resetRenderedPages(): void {
  holder[COUNT] = 0;
}

export function renderCount(): AstroIntegration {
  return {
    name: 'iot:render-count',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) =>
        addMiddleware({ entrypoint: new URL('./render-count-middleware.ts', import.meta.url), order: 'post' }),
    },
  };
}
