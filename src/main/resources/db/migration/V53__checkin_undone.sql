-- The check-ins of door phones (their random key, registration.checkin_key) whose arrival
-- was undone: the same check-in sent again afterwards (a second tab of the door page, a
-- retry after a lost answer, a browser without Web Locks) is answered "undone" and does
-- not record the arrival again (CheckIns.checkInFromPhone). A new check-in has a new key.
-- Kept 30 days after the undo (TokenHousekeeping), far longer than a phone's queue waits.
create table checkin_undone (
  registration_id bigint not null references registration (id) on delete cascade,
  checkin_key varchar(64) not null,
  undone_at timestamptz not null,
  primary key (registration_id, checkin_key)
);
create index checkin_undone_at_idx on checkin_undone (undone_at);
