export { CountrySelect } from './country-select';
export { Field, type FieldProps } from './field';
export { useCookie } from './use-cookie';
