import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** The limits a GraphQL operation must stay within before any resolver runs. */
export interface QueryLimits {
  /** Deepest field nesting (the operation's top-level fields are depth 1). */
  maxDepth: number;
  /** Most aliased fields in one operation (aliases multiply work without multiplying the document). */
  maxAliases: number;
  /** Highest estimated cost (see `measureOperation`). */
  maxCost: number;
}

/** What an operation would do, measured on its document and variables. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

/** Page sizes a list field is charged for when its size is not in its arguments. */
const DEFAULT_LIST_SIZE = 10;

/**
 * Measures an operation without running it. Cost: every object field costs 1 plus its selection;
 * a list multiplies its selection by its size — the `first` argument (a connection's page), the
 * length of a list argument (`sellers(idsOrHandles:)`), else DEFAULT_LIST_SIZE. Scalars cost 0: they
 * are read with their object. Fragments are expanded (each at most once per path: a cycle is a
 * validation error graphql-js reports anyway). Written here rather than taken from a plugin because
 * the cost also decides how much of the rate-limit budget the request spends.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): OperationMeasure {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operations.find((o) => o.name?.value === operationName) ??
    (operations.length === 1 ? operations[0] : undefined);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const measure: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };
  if (!operation) return measure;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return measure;

  const argValue = (field: FieldNode, name: string): unknown => {
    const arg = field.arguments?.find((a) => a.name.value === name);
    return arg ? valueFromASTUntyped(arg.value, variables ?? undefined) : undefined;
  };
  const listSize = (field: FieldNode): number => {
    const first = argValue(field, 'first');
    if (typeof first === 'number') return Math.max(0, first);
    for (const arg of field.arguments ?? []) {
      const value = valueFromASTUntyped(arg.value, variables ?? undefined);
      if (Array.isArray(value)) return value.length;
    }
    return DEFAULT_LIST_SIZE;
  };

  const walk = (
    set: SelectionSetNode,
    parentType: GraphQLType,
    depth: number,
    seen: ReadonlySet<string>,
  ): number => {
    const named = getNamedType(parentType);
    // A connection's page size was charged on the field that returned it: its edges/nodes are that page.
    const inConnection = isConnection(named);
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) measure.aliases++;
        measure.depth = Math.max(measure.depth, depth);
        if (!selection.selectionSet) continue;
        const fieldDef = isObjectType(named) ? named.getFields()[selection.name.value] : undefined;
        if (!fieldDef) continue; // unknown fields are graphql-js validation's to report
        const inner = walk(selection.selectionSet, fieldDef.type, depth + 1, seen);
        const multiplier = !inConnection && hasList(fieldDef.type) ? listSize(selection) : 1;
        cost += 1 + multiplier * inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : named;
        cost += walk(selection.selectionSet, type ?? named, depth, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? named;
        cost += walk(fragment.selectionSet, type, depth, new Set([...seen, name]));
      }
    }
    return cost;
  };
  measure.cost = walk(operation.selectionSet, root, 1, new Set());
  return measure;
}

function hasList(type: GraphQLType): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return true;
  // A connection is a list in disguise: its `first` is the page size.
  return isConnection(getNamedType(type));
}

function isConnection(type: GraphQLType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection');
}

/** The first limit the measure breaks, as a sentence; undefined when within all of them. */
export function exceededLimit(measure: OperationMeasure, limits: QueryLimits): string | undefined {
  if (measure.depth > limits.maxDepth)
    return `The query is ${measure.depth} levels deep; the limit is ${limits.maxDepth}.`;
  if (measure.aliases > limits.maxAliases)
    return `The query has ${measure.aliases} aliases; the limit is ${limits.maxAliases}.`;
  if (measure.cost > limits.maxCost)
    return `The query's estimated cost is ${measure.cost}; the limit is ${limits.maxCost}. Ask for smaller pages or fewer fields.`;
  return undefined;
}
