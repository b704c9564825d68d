"""The QGIS-free engine: every domain rule of notice 托政发规〔2024〕3号 is computed here.

Nothing in this package imports QGIS. It works on geopandas GeoDataFrames, numpy arrays and
rasterio datasets, so it can be tested alone and driven by Processing algorithms, the map tool,
a command line or a dask-geopandas cluster alike.
"""
