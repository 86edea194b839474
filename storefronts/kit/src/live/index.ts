export { type LiveConnection, useLiveRoom } from './use-live-room';
export { type LiveSellerOrder, useLiveSellerOrder } from './use-live-seller-order';
