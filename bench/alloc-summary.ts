import { readFileSync } from 'node:fs';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** What a sampling heap profile's window allocated, per request and by who allocated it. */
export interface AllocationSummary {
  bytesPerRequest: number;
  /** Share of the bytes by owner: the first frame, from the leaf up, in a package or one of our files. */
  owners: [string, number][];
  /** Share of the bytes by allocating function (`name file:line`). */
  functions: [string, number][];
}

/** The owner of a frame's URL: a package's name, or a source file of ours relative to the repository. */
function ownerOf(url: string): string | undefined {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  return /\/((?:api|plugins|sdk)\/(?:src|dist)\/.*)$/.exec(url)?.[1];
}

/** Sums a profile written by `alloc-sampler.ts` over `requests` requests. */
export function summarizeAllocations(file: string, requests: number, top = 8): AllocationSummary {
  const head = (JSON.parse(readFileSync(file, 'utf8')) as { head: ProfileNode }).head;
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, owner: string) => {
    const mine = ownerOf(node.callFrame.url) ?? owner;
    if (node.selfSize > 0) {
      total += node.selfSize;
      owners.set(mine, (owners.get(mine) ?? 0) + node.selfSize);
      const where = node.callFrame.url.replace(/^.*\/(node_modules|api|plugins)\//, '$1/');
      const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
      functions.set(name, (functions.get(name) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, mine);
  };
  walk(head, 'node internals');
  const shares = (m: Map<string, number>): [string, number][] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, v / total]);
  return { bytesPerRequest: total / requests, owners: shares(owners), functions: shares(functions) };
}
