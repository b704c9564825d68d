"""Desktop GUI of the plugin: toolbar, the "Check well site" map tool and its panel."""
