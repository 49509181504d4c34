-- A registration that an audit entry names or a seat holds still cannot be deleted, as
-- before: RESTRICT instead of the default NO ACTION, which these constraints (not
-- deferrable) only differ from in one thing. Before refusing, NO ACTION first asks
-- registration whether another row now has the deleted one's key, once per deleted row. With
-- statistics taken while the table was nearly empty, PostgreSQL answered that through
-- whichever index looked as cheap, reading every registration of the event (or of the table)
-- again for each row: deleting 40 000 registrations of an event took two minutes, 100 000 ran
-- for hours (a test's cleanup; an operator removing a rehearsal event). RESTRICT checks only
-- the referencing table, through its own index.
alter table event_seat
    drop constraint event_seat_registration_event_fkey,
    add constraint event_seat_registration_event_fkey
        foreign key (event_id, registration_id) references registration (event_id, id) on delete restrict;

alter table audit_log
    drop constraint audit_log_registration_id_fkey,
    add constraint audit_log_registration_id_fkey
        foreign key (registration_id) references registration (id) on delete restrict;
