#include "khanaen_process.h"
#include <malloc.h>

int khanaen_malloc_top_pad(int bytes) { return mallopt(M_TOP_PAD, bytes); }
