"""Reading sources: files and stdin become decoded text, then posts."""
