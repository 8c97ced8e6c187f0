/** The endpoints the outlet subpackage talks to. */
export { getOutlet } from '@/services/api/outlets';
