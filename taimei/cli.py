"""The `taimei` console script: every Django management command, plus a readable --help."""

from __future__ import annotations

import os
import sys
from collections import defaultdict

OUR_PACKAGE = "taimei"


def _command_summaries() -> dict[str, list[tuple[str, str]]]:
    """Commands grouped by origin (ours first), each with the first line of its help."""
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, app in sorted(get_commands().items()):
        try:
            help_text = load_command_class(app, name).help or ""
        except Exception as error:
            help_text = f"(unavailable: {error})"
        line = help_text.strip().splitlines()[0] if help_text.strip() else ""
        group = (
            "TaiMei Exchange" if app.startswith(OUR_PACKAGE) else f"Django ({app.split('.')[-1]})"
        )
        groups[group].append((name, line))
    return dict(sorted(groups.items(), key=lambda item: (item[0] != "TaiMei Exchange", item[0])))


def print_help() -> None:
    print("Usage: taimei <command> [options]      (taimei <command> --help for its options)\n")
    for group, commands in _command_summaries().items():
        print(f"{group}:")
        width = max(len(name) for name, _ in commands)
        for name, line in commands:
            print(f"  {name.ljust(width)}  {line}")
        print()


def cli_language(environ: dict[str, str]) -> str:
    """The language of command-line messages, from the POSIX locale variables: Chinese for a
    zh_* locale, English otherwise (the site itself defaults to Traditional Chinese)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name, ""):
            return "zh-hant" if value.lower().startswith("zh") else "en"
    return "en"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")
    args = sys.argv[1:] if argv is None else argv
    if not args or args == ["help"] or args[0] in {"-h", "--help"}:
        print_help()
        return
    import django
    from django.core.management import execute_from_command_line
    from django.utils import translation

    django.setup()
    translation.activate(cli_language(dict(os.environ)))
    execute_from_command_line(["taimei", *args])


if __name__ == "__main__":
    main()
