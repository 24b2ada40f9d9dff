"""The public-facility gazetteer: a GeoPackage written by ``sns-lint places import``, read at check time."""
