import { signInWithIdp, unique } from './firebase-emulator.js';
import { specDocument } from './spec-validator.js';
import type { TestApi } from './test-api.js';

/** The parts of a spec operation the role tests read. */
export type RoleOperation = {
  security?: Record<string, unknown>[];
  'x-souk-roles'?: string[];
  description?: string;
};

/** Every operation whose path starts with `prefix` (`/seller/`, `/admin/`), as `['GET /path', op]`. */
export function operationsUnder(prefix: string): (readonly [string, RoleOperation])[] {
  return Object.entries(specDocument.paths as Record<string, Record<string, RoleOperation>>)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
    );
}

/**
 * A person signed in with Google (verified email) on the Auth emulator, and a request helper whose
 * calls carry their ID token and no API key — how seller and operator staff call the API.
 */
export async function signedInPerson(api: TestApi, email = `person-${unique()}@example.com`) {
  const user = await signInWithIdp('google.com', { sub: `g-${unique()}`, email, email_verified: true });
  const call = <T>(method: string, path: string, json?: unknown) =>
    api.request<T>(method, path, {
      key: null,
      headers: { authorization: `Bearer ${user.idToken}` },
      ...(json === undefined ? {} : { json }),
    });
  return { email, user, call };
}
