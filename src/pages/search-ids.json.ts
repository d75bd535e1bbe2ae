/** /search-ids.json: every id a reader may type, fetched by the search page to jump straight to it. */
import { loadModel } from '../lib/model/load-model.ts';

export function GET() {
  const m = loadModel();
  const ids = [
    ...m.controls.map((c) => c.id),
    ...m.capabilities.map((c) => c.id),
    ...m.subCapabilities.map((c) => c.id),
    ...m.elements.map((c) => c.id),
    ...m.subElements.map((c) => c.id),
  ];
  return new Response(JSON.stringify(ids), { headers: { 'Content-Type': 'application/json' } });
}
