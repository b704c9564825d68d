"""The QGIS-free GeoPackage writer: rows straight into SQLite, the packed R-tree, multi-row inserts."""
