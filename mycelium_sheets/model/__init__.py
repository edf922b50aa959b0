"""The farm's domain: units, money, ISO weeks and the records of each sheet."""
