/**
 * The GraphQL half of `npm run generate`: lints spec/graphql/storefront.graphql, checks the SDK's
 * operations against it, and returns the files derived from them (generate.ts writes or checks them):
 *   api/src/generated/graphql.ts       resolver types (the API's resolvers are typed by them)
 *   sdk/src/generated/graphql.ts       operation result/variable types and typed documents with their hashes
 *   spec/dist/graphql-operations.json  the persisted-operations manifest { sha256: document }
 * Lint is graphql-js's own schema validation plus the naming and description rules below (graphql-eslint
 * would bring ESLint beside Biome for five rules).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import {
  buildASTSchema,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
  validateSchema,
  visit,
} from 'graphql';

const SCHEMA_FILE = 'spec/graphql/storefront.graphql';
const OPERATIONS_FILE = 'sdk/src/graphql/storefront.graphql';
const scalars = { MinorUnits: 'number', DateTime: 'string', JSONObject: 'Record<string, unknown>' };

/** Problems of the schema: graphql-js validation, then Souk's naming and description rules. */
export function lintSchema(schema: GraphQLSchema): string[] {
  const problems = validateSchema(schema).map((e) => e.message);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      continue;
    if (!type.description && !['Query', 'Mutation'].includes(type.name) && !type.name.endsWith('Input'))
      problems.push(`${type.name}: every type needs a description`);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(type.name)) problems.push(`${type.name}: type names are PascalCase`);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!/^[a-z][A-Za-z0-9]*$/.test(field.name))
          problems.push(
            `${type.name}.${field.name}: field names are camelCase (REST's snake_case names, camelCased)`,
          );
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!/^[A-Z][A-Z0-9_]*$/.test(value.name))
          problems.push(`${type.name}.${value.name}: enum values are UPPER_CASE`);
    }
  }
  return problems;
}

/** Reads, lints and builds the storefront schema; throws with every problem found. */
export function loadSchema(root: string): { sdl: DocumentNode; schema: GraphQLSchema } {
  const sdl = parse(readFileSync(join(root, SCHEMA_FILE), 'utf8'));
  const schema = buildASTSchema(sdl);
  const problems = lintSchema(schema);
  if (problems.length) throw new Error(`${SCHEMA_FILE}:\n  ${problems.join('\n  ')}`);
  return { sdl, schema };
}

/** The sha256 of a document's text: the persisted-query hash (Apollo's `persistedQuery.sha256Hash`). */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Each operation of the SDK as the text a client sends: the operation and the fragments it uses. */
function operationTexts(document: DocumentNode): { name: string; kind: string; text: string }[] {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const used = (node: DefinitionNode, into: Set<string>) => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment && !into.has(name)) {
          into.add(name);
          used(fragment, into);
        }
      },
    });
    return into;
  };
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const name = operation.name?.value;
      if (!name) throw new Error(`${OPERATIONS_FILE}: every operation needs a name`);
      const parts = [operation, ...[...used(operation, new Set())].sort().map((f) => fragments.get(f))];
      return {
        name,
        kind: operation.operation,
        text: parts.map((p) => print(p as DefinitionNode)).join('\n\n'),
      };
    });
}

const header = (source: string) =>
  `// Generated from ${source} by \`npm run generate\`. Do not edit.\n/* eslint-disable */\n`;

/** The generated GraphQL files with their expected content. */
export async function graphqlOutputs(root: string): Promise<[string, string][]> {
  const { sdl, schema } = loadSchema(root);
  const operations = parse(readFileSync(join(root, OPERATIONS_FILE), 'utf8'));
  const invalid = validate(schema, operations);
  if (invalid.length) throw new Error(`${OPERATIONS_FILE}:\n  ${invalid.map((e) => e.message).join('\n  ')}`);

  const resolverTypes = await codegen({
    schema: sdl,
    schemaAst: schema,
    documents: [],
    filename: 'api/src/generated/graphql.ts',
    plugins: [{ typescript: {} }, { resolvers: {} }],
    pluginMap: { typescript, resolvers: typescriptResolvers },
    config: {
      scalars,
      enumsAsTypes: true,
      useTypeImports: true,
      contextType: '../graphql/context.js#GraphQLContext',
      // Resolvers pass the services' REST bodies around (context.ts names them).
      mappers: Object.fromEntries(
        Object.values(schema.getTypeMap())
          .filter(
            (t) =>
              isObjectType(t) &&
              !t.name.startsWith('__') &&
              !['Query', 'Mutation', 'PageInfo'].includes(t.name),
          )
          .map((t) => [t.name, `../graphql/context.js#${t.name}Model`]),
      ),
      enumValues: {
        ProductSort: {
          RELEVANCE: 'relevance',
          PRICE_ASC: 'price_asc',
          PRICE_DESC: 'price_desc',
          NEWEST: 'newest',
          RATING: 'rating',
        },
        ProductStatus: { DRAFT: 'draft', PUBLISHED: 'published' },
        SellerStatus: { PENDING: 'pending', ACTIVE: 'active', SUSPENDED: 'suspended' },
        CartStatus: { ACTIVE: 'active', COMPLETED: 'completed' },
        ReviewStatus: { VISIBLE: 'visible', HIDDEN: 'hidden' },
        ContentKind: { HOME: 'home', BANNER: 'banner', NAVIGATION: 'navigation', PAGE: 'page' },
      },
    },
  });

  const texts = operationTexts(operations);
  const clientTypes = await codegen({
    schema: sdl,
    schemaAst: schema,
    documents: [{ document: operations, location: OPERATIONS_FILE }],
    filename: 'sdk/src/generated/graphql.ts',
    plugins: [{ typescript: {} }, { operations: {} }],
    pluginMap: { typescript, operations: typescriptOperations },
    config: {
      scalars,
      enumsAsTypes: true,
      onlyOperationTypes: true,
      useTypeImports: true,
      skipTypename: true,
    },
  });
  const documents = texts
    .map(({ name, kind, text }) => {
      const type = `${name}${kind === 'mutation' ? 'Mutation' : 'Query'}`;
      return [
        `/** The \`${name}\` ${kind} of ${OPERATIONS_FILE}, typed, with its persisted-query hash. */`,
        `export const ${name}Document = {`,
        `  operationName: ${JSON.stringify(name)},`,
        `  sha256Hash: ${JSON.stringify(documentHash(text))},`,
        `  query: ${JSON.stringify(text)},`,
        `} as unknown as TypedDocument<${type}, ${type}Variables>;`,
      ].join('\n');
    })
    .join('\n\n');
  const typedDocument = [
    '/** A GraphQL operation with its result and variable types (phantom: only used by the type checker). */',
    'export interface TypedDocument<Result, Variables> {',
    '  readonly operationName: string;',
    '  readonly sha256Hash: string;',
    '  readonly query: string;',
    '  readonly __types?: { result: Result; variables: Variables };',
    '}',
  ].join('\n');
  const manifest = Object.fromEntries(texts.map(({ text }) => [documentHash(text), text]));
  return [
    ['api/src/generated/graphql.ts', `${header(SCHEMA_FILE)}\n${resolverTypes}`],
    [
      'sdk/src/generated/graphql.ts',
      `${header(`${SCHEMA_FILE} and ${OPERATIONS_FILE}`)}\n${clientTypes}\n${typedDocument}\n\n${documents}\n`,
    ],
    ['spec/dist/graphql-operations.json', `${JSON.stringify(manifest, null, 2)}\n`],
  ];
}
