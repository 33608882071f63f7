"""Pages of the events app, one module per area."""
