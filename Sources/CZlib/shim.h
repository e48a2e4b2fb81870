// zlib, for gunzipping IDX files (Foundation cannot gunzip on Linux).
#include <zlib.h>
