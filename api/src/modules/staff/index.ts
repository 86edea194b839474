/** Public surface of the staff module: people acting for a seller with their own sign-in and a role. */
export { createStaffService, type StaffService } from './staff.service.js';
export type { StaffRole, StaffTables } from './staff.table.js';
