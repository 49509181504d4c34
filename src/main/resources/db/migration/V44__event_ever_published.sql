-- Whether an event was ever published. Once it was, its public address is known: its
-- registrants' emails, calendar files and Google Calendar links and people's bookmarks lead
-- to /events/{slug}. Unpublished again, its page and form say it is no longer published and
-- that a registrant's own link still works, instead of a plain 404. A draft that was never
-- published stays a 404 like an address that does not exist, so its slug leaks nothing.
alter table event add column ever_published boolean not null default false;

-- Before this column nothing recorded it: an event published now was, and so was one
-- people registered for (the public form and walk-ins take registrations only while the
-- event is published).
update event set ever_published = true
 where published or exists (select 1 from registration r where r.event_id = event.id);

-- Whoever writes the row (the editor, a seed, a script by hand), publishing sets the flag
-- and nothing clears it.
create function event_keep_ever_published() returns trigger
    language plpgsql as $$
begin
    new.ever_published := new.published or new.ever_published
                          or (tg_op = 'UPDATE' and old.ever_published);
    return new;
end
$$;

create trigger event_ever_published before insert or update on event
    for each row execute function event_keep_ever_published();
