import { importModel } from './src/lib/pipeline.ts';
const t = performance.now();
await importModel();
console.log('import ms', Math.round(performance.now() - t));
