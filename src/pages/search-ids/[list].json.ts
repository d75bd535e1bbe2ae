/** /search-ids/<list>.json: the ids of one control family or capability code, fetched by the search page to jump to an id. */
import type { GetStaticPaths } from 'astro';
import { loadModel } from '../../lib/model/load-model.ts';
import { idLists, modelIds } from '../../lib/site/search-ids.ts';

export const getStaticPaths = (() =>
  [...idLists(modelIds(loadModel()))].map(([list, ids]) => ({
    params: { list },
    props: { ids },
  }))) satisfies GetStaticPaths;

export function GET({ props }: { props: { ids: string[] } }) {
  return new Response(JSON.stringify(props.ids), { headers: { 'Content-Type': 'application/json' } });
}
