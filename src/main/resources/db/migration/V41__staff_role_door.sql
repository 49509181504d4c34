-- A door volunteer's account: the events' door pages only (see admin.StaffRole). API
-- tokens open the export, so api_token keeps its own check without DOOR.
alter table staff_user drop constraint staff_user_role_check;
alter table staff_user add constraint staff_user_role_check
    check (role in ('ADMIN', 'ORGANIZER', 'OPS', 'DOOR'));
