/** Public surface of the content module: other modules import from here only. */

export {
  type SeedContent,
  type SeedSellerProfile,
  seedContent,
  seedSellerProfiles,
} from './content.seed.js';
export { type ContentService, createContentService } from './content.service.js';
