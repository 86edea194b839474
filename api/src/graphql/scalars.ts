import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** The largest amount the API represents (REST's `MinorUnits` maximum). */
const MAX_MINOR_UNITS = 999_999_999_999;

const minorUnits = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_MINOR_UNITS)
    throw new GraphQLError(
      `MinorUnits must be an integer of at most ${MAX_MINOR_UNITS}; got ${String(value)}.`,
    );
  return value;
};

/** Custom scalars: money as a JSON number (GraphQL's Int stops at 2^31 − 1), dates as REST's strings. */
export const scalars = {
  MinorUnits: new GraphQLScalarType<number, number>({
    name: 'MinorUnits',
    serialize: minorUnits,
    parseValue: minorUnits,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.INT) throw new GraphQLError('MinorUnits must be an integer literal.');
      return minorUnits(Number(ast.value));
    },
  }),
  DateTime: new GraphQLScalarType<string, string>({
    name: 'DateTime',
    serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  }),
  JSONObject: new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
    name: 'JSONObject',
    serialize: (value) => value as Record<string, unknown>,
  }),
};
