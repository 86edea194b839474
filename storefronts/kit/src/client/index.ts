export { Field, type FieldProps } from './field';
export { useCookie } from './use-cookie';
