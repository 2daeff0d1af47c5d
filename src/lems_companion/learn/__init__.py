"""Learn: short, sourced articles about LEMS, their clinical review status and search.

The articles are Markdown files with TOML front matter in ``learn/content/``; see
``articles.py`` for the format and the checks every article must pass.
"""
