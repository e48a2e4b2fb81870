// zlib: gunzipping IDX files (Foundation cannot gunzip on Linux) and deflating PNG charts.
#include <zlib.h>
