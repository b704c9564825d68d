"""Well-site screening (items 7, 8, 13 and section 二(三)) and the item-13 closure list."""
