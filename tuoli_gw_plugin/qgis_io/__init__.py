"""Between QGIS and the engine: layers and features to GeoDataFrames and back."""
