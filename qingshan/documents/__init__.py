"""Document archive: the numbered regulations and notices of the school and its branch."""
