export { AddressFields } from './address-fields';
export { CountrySelect } from './country-select';
export { Field, type FieldProps } from './field';
export { Link } from './link';
export { ShopperDate, type ShopperDateProps } from './shopper-date';
export { browserTimeZone } from './time-zone';
export { useAddressPreview } from './use-address-preview';
export { useCookie } from './use-cookie';
export { useTimeZoneCookie } from './use-time-zone-cookie';
