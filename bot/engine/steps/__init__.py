"""Python hooks behind the dialogs in dialogs/*.yaml, one module per conversation."""
