/** /products/tailor-data.json: what the tailoring tool needs of the model (src/lib/products/tailor-data.ts). */
import { buildDate } from '../../lib/downloads/build-date.ts';
import { loadModel } from '../../lib/model/load-model.ts';
import { tailorData } from '../../lib/products/tailor-data.ts';

export function GET(): Response {
  return new Response(JSON.stringify({ ...tailorData(loadModel()), buildDate: buildDate().toISOString() }), {
    headers: { 'Content-Type': 'application/json' },
  });
}
