"""Staff accounts: roles, MFA login, session policy and re-authentication."""
