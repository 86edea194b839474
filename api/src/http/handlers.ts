import { type CatalogService, catalogHandlers } from '../modules/catalog/index.js';
import { type SystemDeps, systemHandlers } from '../modules/system/system.handlers.js';
import type { OperationHandlers } from './operations.js';

/** Every operation's handler. Leaving an operationId out does not compile. */
export function allHandlers(deps: { system: SystemDeps; catalog: CatalogService }): OperationHandlers {
  return {
    ...systemHandlers(deps.system),
    ...catalogHandlers({ catalog: deps.catalog }),
  };
}
