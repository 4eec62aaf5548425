"""Security primitives: password hashing, tokens, field encryption, keyed lookup hashes."""
