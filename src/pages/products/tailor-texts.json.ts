/** /products/tailor-texts.json: the words only the documents print, fetched by the tailoring tool on the first download. */
import { loadModel } from '../../lib/model/load-model.ts';
import { documentTexts } from '../../lib/products/tailor-data.ts';

export function GET(): Response {
  return new Response(JSON.stringify(documentTexts(loadModel())), { headers: { 'Content-Type': 'application/json' } });
}
