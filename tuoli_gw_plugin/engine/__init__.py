"""The QGIS-free engine: every domain rule of notice 托政发规〔2024〕3号 is computed here.

Nothing in this package imports QGIS. It works on geopandas GeoDataFrames, numpy arrays and
rasterio datasets, so it can be tested alone and driven by Processing algorithms, the map tool,
a command line or a dask-geopandas cluster alike.

Shared concerns have one home each: ``values`` (reading cells, what "no value" means, naming
features in messages), ``plotting`` (fonts, colours, charts and maps), ``rules`` (the rules file),
``crs`` (the working CRS) and ``errors``. ``audit``, ``balance``, ``electricity``, ``water_rights``
and ``screening`` hold one function per rule of the notice, its clause quoted in the docstring,
composed by a short top function.
"""
