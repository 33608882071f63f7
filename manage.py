#!/usr/bin/env python
"""Django's manage.py, for tools that expect it; `taimei` is the same thing."""

from taimei.cli import main

if __name__ == "__main__":
    main()
