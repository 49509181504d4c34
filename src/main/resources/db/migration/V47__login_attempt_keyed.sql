-- The login throttle counts attempts per account and per address; it never reads either
-- back. The name typed is often a password typed into the wrong field, so neither it nor
-- the address is kept: only their HMAC-SHA256 under a random key in app_secret
-- ("login-attempt"), the name lower-cased first so capitals count for the same account.
-- The attempts of the last day are dropped with the old columns (the throttle starts
-- counting afresh; the audit log keeps who tried, as before).
delete from login_attempt;
alter table login_attempt drop column username, drop column ip;
alter table login_attempt add column account_key bytea not null, add column address_key bytea not null;
create index login_attempt_account_idx on login_attempt (account_key, at);
create index login_attempt_address_idx on login_attempt (address_key, at);
