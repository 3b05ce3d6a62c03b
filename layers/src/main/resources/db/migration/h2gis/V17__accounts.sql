-- V17: accounts stored in the database (issue 17). Passwords are kept only as the hash Spring Security's
-- delegating encoder writes ({bcrypt}...). roles and counties are comma-separated lists (role names; county codes,
-- empty = every county). credential_version grows with each password change and each disable, so that a credential
-- the app remembered for a short time (HTTP Basic) is no longer taken.
CREATE TABLE app_account (
    name VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    roles VARCHAR(400) NOT NULL,
    counties VARCHAR(2000) DEFAULT '' NOT NULL,
    enabled BOOLEAN DEFAULT TRUE NOT NULL,
    credential_version INTEGER DEFAULT 1 NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
