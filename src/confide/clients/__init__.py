"""Client records: identity encrypted under each client's own data key."""
