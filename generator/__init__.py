"""A static-site generator for a bilingual digest of Hindi defence-diplomacy news."""

import os

__version__ = "0.1.0"

# The summariser's similarity matrices are small (one article's sentences): BLAS threads
# would only spin beside the build's own worker processes, costing CPU time for no gain
# (and OpenBLAS splits a product by rows and columns, so the numbers are the same). Set
# before numpy is first imported; a value the user chose is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
