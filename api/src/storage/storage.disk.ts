import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { assertKey, assertPrefix, type ObjectStorage } from './storage.js';

/** Beside each object, its content type (a file system has no metadata of its own for it). */
const META = '.meta.json';
const TEMP = '.tmp-';

/**
 * Local-disk adapter (the embedded default, under `.souk/media`): one file per object, written to a
 * temporary name and renamed into place so a reader never sees half an object.
 */
export function createDiskStorage({ root }: { root: string }): ObjectStorage {
  const pathOf = (key: string) => {
    assertKey(key);
    return join(root, ...key.split('/'));
  };
  const atomicWrite = async (path: string, data: Buffer | string) => {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}${TEMP}${randomBytes(6).toString('hex')}`;
    await writeFile(temp, data);
    await rename(temp, path);
  };
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    const found: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) found.push(...(await walk(path)));
      else if (!entry.name.endsWith(META) && !entry.name.includes(TEMP)) {
        found.push(relative(root, path).split(sep).join('/'));
      }
    }
    return found;
  };
  const storage: ObjectStorage = {
    kind: 'disk',
    async put(key, data, { contentType }) {
      const path = pathOf(key);
      // Metadata first: an object file never exists without its content type.
      await atomicWrite(`${path}${META}`, JSON.stringify({ contentType }));
      await atomicWrite(path, data);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const [data, meta] = await Promise.all([readFile(path), readFile(`${path}${META}`, 'utf8')]);
        return { data, contentType: (JSON.parse(meta) as { contentType: string }).contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async exists(key) {
      return stat(pathOf(key)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(`${path}${META}`, { force: true });
    },
    async list(prefix) {
      assertPrefix(prefix);
      // Walk only the deepest folder the prefix names whole.
      const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      const keys = await walk(folder === '' ? root : join(root, ...folder.split('/')));
      return keys.filter((k) => k.startsWith(prefix)).sort();
    },
    async entries(prefix) {
      const keys = await storage.list(prefix);
      const found = await Promise.all(
        keys.map((key) =>
          stat(pathOf(key)).then(
            (s) => ({ key, updatedAt: s.mtime }),
            // Deleted between the walk and the stat: not an object any more.
            () => undefined,
          ),
        ),
      );
      return found.filter((e) => e !== undefined);
    },
    async deletePrefix(prefix) {
      const keys = await storage.list(prefix);
      await Promise.all(keys.map((k) => storage.delete(k)));
      return keys.length;
    },
    close: async () => {},
  };
  return storage;
}
