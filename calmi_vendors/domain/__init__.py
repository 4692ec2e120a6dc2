"""Plain typed rules of the register: no Qt, no database session."""
