"""Data files for bot.language (a package only so the YAML files ship with it)."""
