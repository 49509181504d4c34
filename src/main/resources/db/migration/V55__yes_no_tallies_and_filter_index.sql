-- Yes/no questions of an event get what choice questions have: a breakdown on the dashboard,
-- read from tallies like every other count there (V16: a view never counts registrations),
-- and a filter in the registrations list, the export and the printouts, led by an index.
--
-- A new tally dimension:
--   yes_no        yes/no answers to the event's own questions given by those who may come
--                 (pending, confirmed, waitlisted); value: '<question id>:true' or ':false'
-- kept by the same kind of triggers as the choices' (V16): statement-level with transition
-- tables, insert-only aggregated deltas, the registrations locked FOR SHARE before their
-- status is read.

create function registration_tally_track_yes_no() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        perform 1 from registration r
          where r.id in (select a.registration_id from old_rows a) order by r.id for share of r;
        insert into registration_tally_delta (event_id, dimension, value, n)
        select r.event_id, 'yes_no', a.question_id || ':' || a.yes_no, -count(*)
          from old_rows a join registration r on r.id = a.registration_id
         where a.yes_no is not null and registration_may_come(r.status)
         group by r.event_id, a.question_id, a.yes_no;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform 1 from registration r
          where r.id in (select a.registration_id from new_rows a) order by r.id for share of r;
        insert into registration_tally_delta (event_id, dimension, value, n)
        select r.event_id, 'yes_no', a.question_id || ':' || a.yes_no, count(*)
          from new_rows a join registration r on r.id = a.registration_id
         where a.yes_no is not null and registration_may_come(r.status)
         group by r.event_id, a.question_id, a.yes_no;
    end if;
    return null;
end
$$;

-- A registration that starts or stops counting as someone who may come (or moves to another
-- event) brings its yes/no answers along, as registration_tally_track does with its choices.
create function registration_tally_carry_yes_no() returns trigger
    language plpgsql as $$
begin
    insert into registration_tally_delta (event_id, dimension, value, n)
    select c.event_id, 'yes_no', a.question_id || ':' || a.yes_no, sum(c.n)
      from (select o.id, o.event_id, -1 as n
              from old_rows o join new_rows r on r.id = o.id
             where registration_may_come(o.status)
               and (not registration_may_come(r.status) or r.event_id <> o.event_id)
            union all
            select r.id, r.event_id, 1 as n
              from old_rows o join new_rows r on r.id = o.id
             where registration_may_come(r.status)
               and (not registration_may_come(o.status) or r.event_id <> o.event_id)) c
      join registration_answer a on a.registration_id = c.id
     where a.yes_no is not null
     group by c.event_id, a.question_id, a.yes_no
    having sum(c.n) <> 0;
    return null;
end
$$;

-- Row-level and before the delete: the cascade removes the answers before an after-trigger
-- of the answers could read the registration's event and status.
create function registration_tally_forget_yes_no() returns trigger
    language plpgsql as $$
begin
    insert into registration_tally_delta (event_id, dimension, value, n)
    select old.event_id, 'yes_no', a.question_id || ':' || a.yes_no, -count(*)
      from registration_answer a
     where a.registration_id = old.id and a.yes_no is not null
     group by a.question_id, a.yes_no;
    return old;
end
$$;

create function registration_tally_yes_no_truncated() returns trigger
    language plpgsql as $$
begin
    delete from registration_tally where dimension = 'yes_no';
    delete from registration_tally_delta where dimension = 'yes_no';
    return null;
end
$$;

-- No write may slip between the backfill below and the triggers taking over.
lock table registration, registration_answer in share row exclusive mode;

insert into registration_tally (event_id, dimension, value, n)
select r.event_id, 'yes_no', a.question_id || ':' || a.yes_no, count(*)
  from registration_answer a join registration r on r.id = a.registration_id
 where a.yes_no is not null and registration_may_come(r.status)
 group by r.event_id, a.question_id, a.yes_no;

create trigger registration_tally_yes_no_update after update on registration
    referencing old table as old_rows new table as new_rows
    for each statement execute function registration_tally_carry_yes_no();
create trigger registration_tally_delete_yes_no before delete on registration
    for each row when (old.status in ('PENDING', 'CONFIRMED', 'WAITLISTED'))
    execute function registration_tally_forget_yes_no();

create trigger registration_tally_answer_insert after insert on registration_answer
    referencing new table as new_rows for each statement execute function registration_tally_track_yes_no();
create trigger registration_tally_answer_update after update on registration_answer
    referencing old table as old_rows new table as new_rows
    for each statement execute function registration_tally_track_yes_no();
create trigger registration_tally_answer_delete after delete on registration_answer
    referencing old table as old_rows for each statement execute function registration_tally_track_yes_no();
create trigger registration_tally_answer_truncate after truncate on registration_answer
    for each statement execute function registration_tally_yes_no_truncated();

-- The list's yes/no filter: "who answered yes to question 12" probes this index, as the
-- choice filter probes (choice_id, registration_id). Text answers are left out.
create index registration_answer_yes_no_idx on registration_answer (question_id, yes_no, registration_id)
    where yes_no is not null;
