"""Bookkeeping: water from electricity, the compliance audit and its deadlines, quota volumes,
the progressive surcharge and the allocation of water rights."""
