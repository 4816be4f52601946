-- IQM's applications (U14): the console applications of adplane's fixed catalogue that a customer, and a user
-- within its organization, may open. Stored and served; the API itself does not refuse a call by them.
CREATE TABLE customer_application (
    ow_id             BIGINT      NOT NULL REFERENCES organization (ow_id),
    app_id            INTEGER     NOT NULL,
    access_level      VARCHAR(32),
    granted_by_uow_id BIGINT,
    granted_at        BIGINT      NOT NULL,
    PRIMARY KEY (ow_id, app_id)
);

CREATE TABLE user_application (
    uow_id            BIGINT      NOT NULL REFERENCES membership (uow_id),
    app_id            INTEGER     NOT NULL,
    access_level      VARCHAR(32),
    granted_by_uow_id BIGINT,
    granted_at        BIGINT      NOT NULL,
    PRIMARY KEY (uow_id, app_id)
);
