"""The QGIS-free engine: every domain rule of notice 托政发规〔2024〕3号 is computed here.

Nothing in this package imports QGIS. It works on geopandas GeoDataFrames, numpy arrays and
rasterio datasets, so it can be tested alone and driven by Processing algorithms, the map tool,
a command line or a dask-geopandas cluster alike.

One room per domain, dependencies one way: ``core`` (errors, the message catalogue, the rules file, the
working CRS, where the county is, reading values and registry columns, atomic output files, the chunk pool) is
what every domain stands on; ``registers`` reads a county's well register as kept; ``screening``, ``balance``,
``permit``, ``reduction`` and ``bookkeeping`` hold one function per rule of the notice, its clause quoted in
the docstring, composed by a short top function; ``plotting`` draws (fonts, colours, charts and maps);
``documents`` writes the reports and decision documents from the domains' results; ``distributed`` runs
screening and balance on a dask cluster.
"""
