-- A password an ADMIN has seen (a new account's one-time password, or one set for someone
-- who lost theirs) opens nothing but the owner's profile, where they choose their own.
-- Set by the admin's action, cleared by the owner's own change (admin.StaffPasswords).
alter table staff_user add column must_change_password boolean not null default false;

-- Accounts handed out before this column existed and still on the admin's one-time
-- password: a creation or reset in the audit log with no own change after it.
update staff_user u
   set must_change_password = true
 where exists (select 1
                 from audit_log handed
                where handed.action in ('STAFF_USER_CREATED', 'STAFF_USER_PASSWORD_RESET')
                  and handed.details like 'user=' || u.id || ' %'
                  and not exists (select 1
                                    from audit_log changed
                                   where changed.action = 'PASSWORD_CHANGED'
                                     and lower(changed.actor) = lower(u.email)
                                     and changed.id > handed.id));

-- Their sessions were granted the full role at login: they sign in again and meet the flag.
delete from spring_session
 where lower(principal_name) in (select lower(email) from staff_user where must_change_password);
