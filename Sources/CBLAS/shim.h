// OpenBLAS's CBLAS interface. On Debian <cblas.h> is openblas-pthread's header.
#include <cblas.h>
