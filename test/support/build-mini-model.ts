import { buildModel } from '../../src/lib/model/build-model.ts';
import { ProblemsError } from '../../src/lib/problems.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';
import { type MiniOptions, writeMiniSources } from './mini-sources.ts';

/** Builds the model from mini sources written into `root`. */
export async function buildMiniModel(root: string, options: MiniOptions = {}) {
  const mini = await writeMiniSources(root, options);
  return buildModel({
    manifest: loadSourceManifest(mini.manifestPath),
    sourcesRoot: mini.dir,
    capabilitiesPath: mini.capabilitiesPath,
  });
}

/** Builds the model and returns the ProblemsError it fails with. */
export async function miniModelProblems(root: string, options: MiniOptions = {}): Promise<ProblemsError> {
  try {
    await buildMiniModel(root, options);
  } catch (e) {
    if (e instanceof ProblemsError) return e;
    throw e;
  }
  throw new Error('expected the build to fail, but it succeeded');
}
