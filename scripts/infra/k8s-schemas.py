"""Writes kubeconform-ready JSON schemas from the ones the PyPI package kubernetes-validate ships.

Its "local" schemas carry an https $id and absolute "/api/_definitions.json" references that only its
own resolver understands; kubeconform (which cannot download anything here) needs them file-relative.
Usage: python3 k8s-schemas.py KUBERNETES_VERSION OUT_DIR
"""
import json
import os
import sys

import kubernetes_validate

version, out = sys.argv[1], sys.argv[2]
src = os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema", f"v{version}-local-strict")
os.makedirs(out, exist_ok=True)
count = 0
for name in os.listdir(src):
    if not name.endswith(".json"):
        continue
    with open(os.path.join(src, name)) as f:
        schema = json.load(f)
    schema.pop("$id", None)
    text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
    count += 1
print(f"k8s-schemas: {count} schemas of Kubernetes {version} in {out}")
