export { useCookie } from './use-cookie';
