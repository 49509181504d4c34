-- Questions an event adds to its registration form, and the answers to them.
-- The event feature owns event_question and event_question_choice; the registration feature
-- owns registration_answer and registration_answer_choice.
--
-- A question or choice is never deleted once it exists: removing it in the event editor sets
-- removed_at, which hides it from the form while its answers stay in the exports (until the
-- retention job anonymizes the registrations, which deletes their answers).

create table event_question (
    id         bigint generated always as identity primary key,
    event_id   bigint       not null references event (id) on delete cascade,
    position   integer      not null,
    kind       varchar(20)  not null
        check (kind in ('SHORT_TEXT', 'LONG_TEXT', 'ONE_CHOICE', 'MANY_CHOICES', 'YES_NO')),
    label_es   varchar(300) not null,
    label_en   varchar(300) not null,
    help_es    varchar(500),
    help_en    varchar(500),
    required   boolean      not null default false,
    removed_at timestamptz
);
create index event_question_event_idx on event_question (event_id, position, id);

create table event_question_choice (
    id          bigint generated always as identity primary key,
    question_id bigint       not null references event_question (id) on delete cascade,
    position    integer      not null,
    label_es    varchar(200) not null,
    label_en    varchar(200) not null,
    removed_at  timestamptz
);
create index event_question_choice_question_idx on event_question_choice (question_id, position, id);

-- Text answers (short and long text) and yes/no answers: one row per question answered.
create table registration_answer (
    registration_id bigint  not null references registration (id) on delete cascade,
    question_id     bigint  not null references event_question (id) on delete cascade,
    text_value      text,
    yes_no          boolean,
    primary key (registration_id, question_id),
    check (text_value is not null or yes_no is not null)
);
create index registration_answer_question_idx on registration_answer (question_id);

-- Choice answers (one choice, several choices): one row per chosen choice, so the
-- registrations list filters by a choice through an index and the dashboard counts them.
create table registration_answer_choice (
    registration_id bigint not null references registration (id) on delete cascade,
    question_id     bigint not null references event_question (id) on delete cascade,
    choice_id       bigint not null references event_question_choice (id) on delete cascade,
    primary key (registration_id, choice_id)
);
create index registration_answer_choice_choice_idx on registration_answer_choice (choice_id, registration_id);
create index registration_answer_choice_question_idx on registration_answer_choice (question_id, choice_id);
