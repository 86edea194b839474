import 'server-only';
import { createGraphQLClient } from '@souk/sdk';
import { config } from './config';

/**
 * The theme's GraphQL client (the Storefront API at /graphql), with the typed operations of
 * `@souk/sdk`'s `storefrontOperations`. Persisted: only the operations' hashes are sent, so the theme
 * works against an API that runs persisted operations only.
 */
export const gql = createGraphQLClient({
  baseUrl: config.apiUrl,
  apiKey: config.publishableKey,
  persisted: true,
});
