"""What writes a ledger: fmt, add, init, import, export."""
