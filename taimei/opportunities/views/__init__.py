"""Pages of the opportunities section (thin: parse, call a selector or service, render)."""
