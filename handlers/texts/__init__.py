"""Every user-facing German string, one module per feature; common formatters in `common`."""
