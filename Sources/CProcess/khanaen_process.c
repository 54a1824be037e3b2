#include "khanaen_process.h"
#include <malloc.h>
#include <stdio.h>

int khanaen_malloc_top_pad(int bytes) { return mallopt(M_TOP_PAD, bytes); }

void khanaen_buffer_stdout(int bytes) { setvbuf(stdout, 0, _IOFBF, (size_t)bytes); }
