/**
 * The few Kong Admin API calls kong-sync makes. Every write is idempotent — `PUT` on an entity's own
 * endpoint creates or replaces it, `DELETE` of a missing entity answers 404, which counts as done —
 * so a redelivered event or a retry after a timeout converges on the same state.
 * Endpoints as Kong generates them from its entity schemas (kong/api/endpoints.lua):
 *   /consumers/{username}                          (consumers, endpoint key `username`)
 *   /consumers/{username}/key-auth/{credential id} (keyauth_credentials, nested name `key-auth`)
 *   /consumer_groups/{name}/consumers              (Kong Enterprise)
 */
export interface KongAdmin {
  upsertConsumer(username: string, body: { custom_id: string; tags: string[] }): Promise<void>;
  deleteConsumer(username: string): Promise<void>;
  putKeyCredential(
    username: string,
    credentialId: string,
    body: { key: string; tags: string[] },
  ): Promise<void>;
  deleteKeyCredential(username: string, credentialId: string): Promise<void>;
  addToConsumerGroup(group: string, username: string): Promise<void>;
}

/** A Kong answer other than the expected ones: the plugin runner retries the event later. */
export class KongAdminError extends Error {
  override name = 'KongAdminError';
}

export function createKongAdmin(options: {
  url: string;
  token?: string | undefined;
  timeoutMs: number;
}): KongAdmin {
  const base = options.url.replace(/\/+$/, '');
  const call = async (method: string, path: string, body: unknown, ok: number[]) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { 'kong-admin-token': options.token } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
    // Never echo a request body: it may hold a key.
    if (!ok.includes(res.status))
      throw new KongAdminError(`Kong Admin API ${method} ${path}: HTTP ${res.status}`);
    await res.body?.cancel();
  };
  const seg = encodeURIComponent;
  return {
    upsertConsumer: (username, body) =>
      call('PUT', `/consumers/${seg(username)}`, { username, ...body }, [200, 201]),
    deleteConsumer: (username) => call('DELETE', `/consumers/${seg(username)}`, undefined, [204, 404]),
    putKeyCredential: (username, id, body) =>
      call('PUT', `/consumers/${seg(username)}/key-auth/${seg(id)}`, body, [200, 201]),
    deleteKeyCredential: (username, id) =>
      call('DELETE', `/consumers/${seg(username)}/key-auth/${seg(id)}`, undefined, [204, 404]),
    // 409: already a member.
    addToConsumerGroup: (group, username) =>
      call('POST', `/consumer_groups/${seg(group)}/consumers`, { consumer: username }, [200, 201, 409]),
  };
}
