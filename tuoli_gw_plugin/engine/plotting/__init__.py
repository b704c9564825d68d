"""Everything the engine draws: fonts, colours, map drawing, charts and maps (matplotlib, headless).

One home so a font or colour is chosen once for every chart, report and the site-checker panel:
``style`` (fonts and colours), ``draw`` (geometries onto axes, figures to PNG), ``charts`` (bar
charts) and ``maps`` (the screening map). Import the submodule you need; ``style`` and ``charts``
load matplotlib only when something is drawn.
"""
