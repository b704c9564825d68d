"""Abstraction against recharge per unit: the balance, exact zonal sums of rasters, water-level trends."""
