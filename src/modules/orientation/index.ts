// The orientation module's public face: its routes, its periodic jobs, and the upload limit of its form.
export { orientationRoutes } from './web/orientation.routes.tsx';
export { orientationDailyJobs, orientationJobHandlers, ORIENTATION_JOB_KINDS } from './orientation.jobs.ts';

/** The orientation form takes three files of 5 MB: its request may be this big (others keep BODY_LIMIT_BYTES). */
export const ORIENTATION_BODY_LIMIT_BYTES = 24 * 1024 * 1024;
export const isOrientationUpload = (method: string, path: string) => method === 'POST' && path === '/orientations/nouvelle';
