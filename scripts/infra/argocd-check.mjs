#!/usr/bin/env node
// Argo CD Applications (CRDs, no schema in kubernetes-validate): each must name a repo URL, a
// revision and a path that is an overlay of this repository with a kustomization.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// js-yaml (already in the tree through @redocly/cli) is CommonJS.
const yaml = createRequire(import.meta.url)('js-yaml');
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, 'infra/argocd');
let problems = 0;
let apps = 0;
for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
  for (const doc of yaml.loadAll(readFileSync(join(dir, file), 'utf8'))) {
    if (doc?.kind !== 'Application') continue;
    apps++;
    const src = doc.spec?.source ?? {};
    const where = `${file}: ${doc.metadata?.name}`;
    const problem = (text) => {
      problems++;
      console.error(`${where}: ${text}`);
    };
    if (!/^https:\/\/|^git@/.test(src.repoURL ?? '')) problem('repoURL missing');
    if (!src.targetRevision) problem('targetRevision missing');
    if (!existsSync(join(root, src.path ?? '-', 'kustomization.yaml'))) {
      problem(`path ${src.path} has no kustomization.yaml`);
    }
    if (!doc.spec?.destination?.namespace) problem('destination namespace missing');
  }
}
if (apps === 0) {
  problems++;
  console.error('argocd-check: no Application found');
}
if (problems) process.exit(1);
console.log(`argocd-check: ${apps} Applications point at existing overlays`);
