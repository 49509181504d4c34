-- A check-in belongs to a confirmed seat (V26): every status change away from CONFIRMED
-- clears it (registration/Changes.setStatus) and check-in refuses anyone not confirmed
-- (registration/CheckIns). Now the database keeps the rule too, so a bug, a script or a
-- hand-written statement cannot bring back the rows that the list's "checked in" filter,
-- the door, the door list and the exports counted and the dashboard's "arrived" did not.
--
-- First what V26 cleared, in case a row broke the rule since (the same statement: the
-- tallies need no correcting, see V26); the audit log keeps each arrival (CHECKED_IN).

update registration
   set checked_in_at = null, version = version + 1
 where status <> 'CONFIRMED' and checked_in_at is not null;

alter table registration add constraint registration_checked_in_confirmed_check
    check (checked_in_at is null or status = 'CONFIRMED');
