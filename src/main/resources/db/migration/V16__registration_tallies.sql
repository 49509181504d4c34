-- Issue 15: the event dashboard and /admin read counts kept as registrations change, in
-- O(number of groups), instead of counting an event's registrations on every view.
--
-- A tally counts the registrations of one event in one group: a dimension and a value.
--   status        every registration, by status
--   checked_in    confirmed registrations checked in (value '')
--   created       every registration, by the 15-minute UTC slot of created_at (value: epoch
--                 seconds of the slot's start); every time zone's offset is a multiple of 15
--                 minutes, so the dashboard adds slots up into days of any event's time zone
--   company_type, state, interest
--                 those who may come (pending, confirmed, waitlisted), by that field
--   choice        choices of the event's own questions chosen by those who may come (value:
--                 the choice id)
--
-- Writers never update a shared counter row: that would make the registrations of one event
-- wait for each other (README "Architecture: capacity without an event-wide lock"). Triggers
-- append delta rows instead (insert-only, aggregated per statement, so a bulk load or a COPY
-- adds a few rows, not one per registration), and RegistrationTallyCompaction folds them into
-- registration_tally in one statement. Reads add registration_tally and the pending deltas in
-- one snapshot, so they are exact whether or not the compaction has run.
--
-- No foreign keys: a delta insert must not lock the event row, and a tally of registrations
-- deleted since still has to fold (to zero) if the event goes too.

create table registration_tally (
    event_id  bigint       not null,
    dimension varchar(16)  not null,
    value     varchar(100) not null,
    n         bigint       not null,
    primary key (event_id, dimension, value)
) with (fillfactor = 70);

create table registration_tally_delta (
    event_id  bigint       not null,
    dimension varchar(16)  not null,
    value     varchar(100) not null,
    n         bigint       not null
);
create index registration_tally_delta_event_idx on registration_tally_delta (event_id);

create function registration_may_come(status text) returns boolean
    language sql immutable as $$
    select status in ('PENDING', 'CONFIRMED', 'WAITLISTED')
$$;

-- The groups one registration row counts in (all but its choices). Stable, not immutable, as
-- extract() is declared: so PostgreSQL can inline it into the queries below.
create function registration_tally_keys(status text, created_at timestamptz, checked_in_at timestamptz,
                                        company_type text, state text, interest text)
    returns table (dimension text, value text)
    language sql stable as $$
    select k.dimension, k.value
      from (values ('status', status, true),
                   ('created', (floor(extract(epoch from created_at) / 900) * 900)::bigint::text, true),
                   ('checked_in', '', status = 'CONFIRMED' and checked_in_at is not null),
                   ('company_type', company_type, registration_may_come(status)),
                   ('state', state, registration_may_come(status)),
                   ('interest', interest, registration_may_come(status))) k (dimension, value, counted)
     where k.counted
$$;

-- Statement-level, with transition tables: one insert of aggregated deltas per statement.
create function registration_tally_track() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into registration_tally_delta (event_id, dimension, value, n)
        select r.event_id, k.dimension, k.value, count(*)
          from new_rows r
         cross join lateral registration_tally_keys(r.status, r.created_at, r.checked_in_at,
                                                    r.company_type, r.state, r.association_interest) k
         group by 1, 2, 3;
    elsif tg_op = 'DELETE' then
        -- Their choices were taken off before the rows went (registration_tally_forget_choices).
        insert into registration_tally_delta (event_id, dimension, value, n)
        select r.event_id, k.dimension, k.value, -count(*)
          from old_rows r
         cross join lateral registration_tally_keys(r.status, r.created_at, r.checked_in_at,
                                                    r.company_type, r.state, r.association_interest) k
         group by 1, 2, 3;
    else
        insert into registration_tally_delta (event_id, dimension, value, n)
        select c.event_id, c.dimension, c.value, sum(c.n)
          from (select r.event_id, k.dimension, k.value, -1 as n
                  from old_rows r
                 cross join lateral registration_tally_keys(r.status, r.created_at, r.checked_in_at,
                                                            r.company_type, r.state, r.association_interest) k
                union all
                select r.event_id, k.dimension, k.value, 1 as n
                  from new_rows r
                 cross join lateral registration_tally_keys(r.status, r.created_at, r.checked_in_at,
                                                            r.company_type, r.state, r.association_interest) k) c
         group by 1, 2, 3
        having sum(c.n) <> 0;
        -- A registration that starts or stops counting as someone who may come brings its
        -- choices along. The updated rows are locked by this statement, and answer changes
        -- lock their registration first (registration_tally_track_choices), so this read and
        -- a concurrent answer change of the same registration take turns.
        insert into registration_tally_delta (event_id, dimension, value, n)
        select c.event_id, 'choice', a.choice_id::text, sum(c.n)
          from (select o.id, o.event_id, -1 as n
                  from old_rows o join new_rows r on r.id = o.id
                 where registration_may_come(o.status)
                   and (not registration_may_come(r.status) or r.event_id <> o.event_id)
                union all
                select r.id, r.event_id, 1 as n
                  from old_rows o join new_rows r on r.id = o.id
                 where registration_may_come(r.status)
                   and (not registration_may_come(o.status) or r.event_id <> o.event_id)) c
          join registration_answer_choice a on a.registration_id = c.id
         group by c.event_id, a.choice_id
        having sum(c.n) <> 0;
    end if;
    return null;
end
$$;

-- Row-level and before the delete: the foreign key's cascade removes the answers before any
-- after-trigger of the registration could read them.
create function registration_tally_forget_choices() returns trigger
    language plpgsql as $$
begin
    insert into registration_tally_delta (event_id, dimension, value, n)
    select old.event_id, 'choice', a.choice_id::text, -count(*)
      from registration_answer_choice a
     where a.registration_id = old.id
     group by a.choice_id;
    return old;
end
$$;

-- Choices counted for registrations that may come. The registrations are locked (FOR SHARE)
-- before their status is read, so a concurrent status change either commits first (and is
-- seen here) or waits for this transaction (and then sees these answers).
create function registration_tally_track_choices() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        perform 1 from registration r
          where r.id in (select a.registration_id from old_rows a) order by r.id for share of r;
        insert into registration_tally_delta (event_id, dimension, value, n)
        select r.event_id, 'choice', a.choice_id::text, -count(*)
          from old_rows a join registration r on r.id = a.registration_id
         where registration_may_come(r.status)
         group by r.event_id, a.choice_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform 1 from registration r
          where r.id in (select a.registration_id from new_rows a) order by r.id for share of r;
        insert into registration_tally_delta (event_id, dimension, value, n)
        select r.event_id, 'choice', a.choice_id::text, count(*)
          from new_rows a join registration r on r.id = a.registration_id
         where registration_may_come(r.status)
         group by r.event_id, a.choice_id;
    end if;
    return null;
end
$$;

create function registration_tally_truncated() returns trigger
    language plpgsql as $$
begin
    if tg_table_name = 'registration' then
        delete from registration_tally;
        delete from registration_tally_delta;
    else
        delete from registration_tally where dimension = 'choice';
        delete from registration_tally_delta where dimension = 'choice';
    end if;
    return null;
end
$$;

-- No write may slip between the backfill below and the triggers taking over.
lock table registration, registration_answer_choice in share row exclusive mode;

insert into registration_tally (event_id, dimension, value, n)
select r.event_id, k.dimension, k.value, count(*)
  from registration r
 cross join lateral registration_tally_keys(r.status, r.created_at, r.checked_in_at,
                                            r.company_type, r.state, r.association_interest) k
 group by 1, 2, 3;
insert into registration_tally (event_id, dimension, value, n)
select r.event_id, 'choice', a.choice_id::text, count(*)
  from registration_answer_choice a join registration r on r.id = a.registration_id
 where registration_may_come(r.status)
 group by r.event_id, a.choice_id;

create trigger registration_tally_insert after insert on registration
    referencing new table as new_rows for each statement execute function registration_tally_track();
create trigger registration_tally_update after update on registration
    referencing old table as old_rows new table as new_rows
    for each statement execute function registration_tally_track();
create trigger registration_tally_delete after delete on registration
    referencing old table as old_rows for each statement execute function registration_tally_track();
create trigger registration_tally_delete_choices before delete on registration
    for each row when (old.status in ('PENDING', 'CONFIRMED', 'WAITLISTED'))
    execute function registration_tally_forget_choices();
create trigger registration_tally_truncate after truncate on registration
    for each statement execute function registration_tally_truncated();

create trigger registration_tally_choice_insert after insert on registration_answer_choice
    referencing new table as new_rows for each statement execute function registration_tally_track_choices();
create trigger registration_tally_choice_update after update on registration_answer_choice
    referencing old table as old_rows new table as new_rows
    for each statement execute function registration_tally_track_choices();
create trigger registration_tally_choice_delete after delete on registration_answer_choice
    referencing old table as old_rows for each statement execute function registration_tally_track_choices();
create trigger registration_tally_choice_truncate after truncate on registration_answer_choice
    for each statement execute function registration_tally_truncated();
