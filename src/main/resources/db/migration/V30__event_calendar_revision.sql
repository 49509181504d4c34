-- The calendar files' SEQUENCE (registration/CalendarFile) grew only with the
-- registration's version, so when organizers moved the event (its date, hours, venue or
-- title) the next file a person got, a resend or the reminder, carried the new time
-- under the SEQUENCE of the entry already in their calendar, and calendars kept the old
-- time. Each save of the event now adds one to this revision, which the SEQUENCE adds to
-- the registration's version: both only grow, so the number still never goes back.
alter table event add column calendar_revision integer not null default 0;
