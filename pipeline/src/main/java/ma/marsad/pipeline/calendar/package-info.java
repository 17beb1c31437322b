/**
 * The submission calendar: which submitter owes which report for which period, and by when
 * ({@code calendar/submission-calendar.yml}); and, from the registry, what was received on time, late, or not at all.
 */
package ma.marsad.pipeline.calendar;
