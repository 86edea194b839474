/** Public surface of the staff module: people acting for a seller with their own sign-in and a role. */
export {
  createOperatorStaffService,
  type OperatorStaffService,
} from './operator-staff.service.js';
export { createStaffService, type StaffService } from './staff.service.js';
export type { OperatorRole, StaffRole, StaffTables } from './staff.table.js';
