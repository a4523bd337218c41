// Appointments in the social centres (issue 5): reasons, agents' openings and absences, booking by residents and
// by agents, reminders, cancellation and moves, waiting list, agendas, calendar feeds and no-show statistics.
export * from './db/appointments.table.ts';
export { freeSlots, type Slot, type Opening } from './domain/slots.ts';
export { findFreeSlots, getReason, reasonsOfCentre, type ReasonRow } from './db/slot-queries.ts';
export { bookAppointment, moveAppointment, cancelAppointment, recordOutcome, sendReminder, nextFreeSlots, REMIND_JOB_KIND, TAKEN_MESSAGE } from './use-cases/booking.ts';
export { joinWaitlist, MAX_WAITLIST_OFFERS } from './use-cases/waitlist.ts';
export { createGroupSession, bookSeat, cancelSeat } from './use-cases/group-sessions.ts';
export { appointmentJobHandlers } from './appointments.jobs.ts';
export { publicAppointmentRoutes } from './web/public.routes.tsx';
export { agentAppointmentRoutes } from './web/agent.routes.tsx';
