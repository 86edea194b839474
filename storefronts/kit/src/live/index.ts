export { type LiveConnection, useLiveRoom } from './use-live-room';
export { type LiveSellerOrder, type SellerOrderToFollow, useLiveSellerOrder } from './use-live-seller-order';
